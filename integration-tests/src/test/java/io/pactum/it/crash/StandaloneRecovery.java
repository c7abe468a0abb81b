package io.pactum.it.crash;

import io.pactum.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Recovery after a crash, always in a process of its own: the standalone daemon,
 * {@code pactum recover --config FILE --once}, with a config file naming the crashed child's log
 * directory and the same data sources. {@link RecoveryRun#parse} reads its scan reports
 * ({@code PACTUM-6002}).
 */
final class StandaloneRecovery {
    private StandaloneRecovery() {
    }

    /** @param decisions the table PostgreSQL's data source holds decisions in; null: none */
    static RecoveryRun run(Path logDirectory, Path output, String decisions) throws IOException, InterruptedException {
        Path config = Files.createTempFile(output.toAbsolutePath().getParent(), "recover-", ".properties");
        StringBuilder c = new StringBuilder();
        c.append("log.directory = ").append(logDirectory.toAbsolutePath()).append('\n');
        for (Db db : Db.values()) {
            String key = "resource." + db.dataSourceName;
            c.append(key).append(".url = ").append(db.url).append('\n');
            c.append(key).append(".user = ").append(db.user).append('\n');
            c.append(key).append(".password = ").append(db.password).append('\n');
            if (decisions != null && db == Db.POSTGRESQL) {
                c.append(key).append(".decision-table = ").append(decisions).append('\n');
            }
        }
        // The daemon holds the node's lock: no transaction of the crashed process can still be running.
        c.append("recovery.orphan-safety-interval = 0s\n");
        c.append("recovery.interval = 200ms\n");
        c.append("audit.file = ").append(output.toAbsolutePath().getParent().resolve("audit.log")).append('\n');
        Files.writeString(config, c);
        ChildJvm jvm = ChildJvm.start(Main.class, List.of("recover", "--config", config.toString(), "--once"), output);
        int status = jvm.await(Duration.ofSeconds(90));
        return RecoveryRun.parse(status, jvm.output());
    }
}
