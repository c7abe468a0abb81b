package io.pactum.cli;

import io.pactum.cli.config.Config;
import io.pactum.cli.config.ConfigException;
import io.pactum.cli.config.ConfigFile;
import io.pactum.cli.ops.Holder;
import io.pactum.cli.ops.LogView;
import io.pactum.cli.ops.Logs;
import io.pactum.cli.ops.Resources;
import io.pactum.cli.ops.Survey;
import io.pactum.log.LogException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/** What the operator commands share: the config file, the log as read without its lock, the survey. */
final class Operator {
    static final String CONFIG_ENV = "PACTUM_CONFIG";

    private Operator() {
    }

    /** The config named by {@code --config}, or by the environment variable PACTUM_CONFIG. */
    static Config config(Args args) throws UsageException, ConfigException {
        String file = args.option("--config").orElse(System.getenv(CONFIG_ENV));
        if (file == null || file.isBlank()) {
            throw new UsageException("--config FILE is missing (or set " + CONFIG_ENV + ")");
        }
        return ConfigFile.load(Path.of(file));
    }

    /** Resources and log, read now. */
    static Survey survey(Config config) throws LogException {
        LogView log = Logs.read(config);
        Resources.Scan scan = Resources.of(config.resources()).scan();
        Set<String> configured = config.resources().stream().map(Config.ResourceSettings::name)
                .collect(Collectors.toSet());
        return Survey.take(log, scan, configured, config.takeover(), Instant.now());
    }

    /** The first line of every human output: which node, which log, who holds it. */
    static void header(LogView log, PrintStream out) {
        out.println("node " + log.node() + ", " + log.describe() + ", " + holderText(log.holder()));
    }

    static String holderText(Holder h) {
        return switch (h.state()) {
            case NONE -> "not in use (" + h.description() + ")";
            case RUNNING -> "in use by " + h.description();
            case UNKNOWN -> "perhaps in use: " + h.description();
        };
    }

    static void failures(Survey s, PrintStream err) {
        s.failures().forEach((r, e) -> err.println("could not scan " + r + ": " + e));
        s.unconfigured().forEach(r -> err.println("the log names data source " + r + ", which the config does not: "
                + "add resource." + r + ".url (and .user, .password), or its branches stay out of sight"));
    }
}
