package io.pactum.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

/** Checks that a child JVM ended the way its plan said. */
final class Crashes {
    private Crashes() {
    }

    /**
     * Asserts that the child halted at this point (not at another, not by failing) and returns
     * the id of the transaction it halted in.
     */
    static String haltedTransaction(ChildJvm child, CrashPoint point) throws IOException, InterruptedException {
        int status = child.await(Duration.ofSeconds(90));
        String output = child.output();
        assertThat(status).as("the child's exit status; its output:\n%s", output).isEqualTo(Tripwire.HALT_STATUS);
        String line = output.lines().filter(l -> l.startsWith("CRASH ")).findFirst().orElseThrow();
        String[] words = line.split(" ");
        assertThat(words[1]).as("where the child halted").isEqualTo(point.name());
        return words[2];
    }
}
