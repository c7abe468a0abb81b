package io.pactum.it.crash;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Recovery after a crash, always in a process of its own. The one place that says which
 * recovery process the crash tests run: today the tests' {@link RecoveryRunner}; when
 * {@code pactum recover --config FILE --once} ({@code io.pactum.cli.Main} in recovery-daemon)
 * exists, this starts that instead, with a config file naming the same log directory and data
 * sources ({@link Db#dataSourceName}, url, user, password), and {@link RecoveryRun#parse} reads
 * its output.
 */
final class StandaloneRecovery {
    private StandaloneRecovery() {
    }

    static RecoveryRun run(Path logDirectory, Path output) throws IOException, InterruptedException {
        ChildJvm jvm = ChildJvm.start(RecoveryRunner.class, List.of("log=" + logDirectory), output);
        int status = jvm.await(Duration.ofSeconds(90));
        return RecoveryRun.parse(status, jvm.output());
    }
}
