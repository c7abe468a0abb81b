package io.pactum.cli.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@code pactum} config file says, validated ({@link ConfigFile} reads it).
 *
 * @param nodeId               the node whose log and branches these commands handle; empty when
 *                             the log directory is to tell (it stores its node id)
 * @param log                  where the node's commit decisions are
 * @param resources            the data sources whose prepared branches recovery looks at, by the
 *                             names the application gives them
 * @param recoveryInterval     how often the daemon scans
 * @param orphanSafetyInterval how long a branch without a decision must be seen before the
 *                             daemon rolls it back
 * @param takeover             other nodes whose branches the daemon also recovers
 * @param auditFile            where every manual action is appended
 */
public record Config(Optional<String> nodeId, LogSettings log, List<ResourceSettings> resources,
        Duration recoveryInterval, Duration orphanSafetyInterval, Set<String> takeover, Path auditFile) {

    public Config {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(log, "log");
        resources = List.copyOf(resources);
        takeover = Set.copyOf(takeover);
        Objects.requireNonNull(auditFile, "auditFile");
    }

    /** Where the log is: a file journal directory, or a PostgreSQL table. */
    public sealed interface LogSettings {
        /** For messages: "file journal /var/lib/pactum". */
        String describe();
    }

    /** The file journal in a directory ({@code log.directory}). */
    public record FileLog(Path directory) implements LogSettings {
        @Override
        public String describe() {
            return "file journal " + directory;
        }
    }

    /** The PostgreSQL table ({@code log.postgres.*}). */
    public record PostgresLog(String url, String user, String password, String table) implements LogSettings {
        @Override
        public String describe() {
            return "PostgreSQL table " + table + " at " + url;
        }

        @Override
        public String toString() {
            return "PostgresLog[" + url + ", user " + user + ", table " + table + "]"; // never the password
        }
    }

    /** One data source ({@code resource.NAME.url/user/password}). */
    /** @param decisionTable the table in which the data source holds commit decisions; null: none */
    public record ResourceSettings(String name, String url, String user, String password, String decisionTable) {
        public ResourceSettings(String name, String url, String user, String password) {
            this(name, url, user, password, null);
        }

        @Override
        public String toString() {
            return "ResourceSettings[" + name + ", " + url + ", user " + user + "]"; // never the password
        }
    }

    public Optional<ResourceSettings> resource(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
