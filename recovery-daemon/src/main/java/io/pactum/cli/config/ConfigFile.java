package io.pactum.cli.config;

import io.pactum.xid.NodeId;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code pactum} config file (Java properties) into a {@link Config}, checking every
 * setting at once so that one run lists everything to change:
 * <pre>
 * node.id = orders-1                       # optional with log.directory (the directory knows it)
 * log.directory = /var/lib/pactum          # or the four log.postgres.* settings
 * log.postgres.url = jdbc:postgresql://db/pactum
 * log.postgres.user = pactum
 * log.postgres.password = ${PACTUM_LOG_PASSWORD}
 * log.postgres.table = pactum_log          # default
 * resource.orders.url = jdbc:postgresql://db1/orders
 * resource.orders.user = app
 * resource.orders.password = ${ORDERS_PASSWORD}
 * resource.orders.decision-table = pactum_decisions   # when it holds commit decisions (holdDecisions)
 * recovery.interval = 30s                  # default
 * recovery.orphan-safety-interval = 60s    # default
 * recovery.takeover = node-7, node-9       # default: none
 * audit.file = /var/log/pactum-audit.log   # default: pactum-audit.log beside this file
 * </pre>
 * {@code ${NAME}} in a value is replaced by the environment variable NAME. Relative paths are
 * relative to the config file's directory.
 */
public final class ConfigFile {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_SAFETY = Duration.ofSeconds(60);
    static final String DEFAULT_TABLE = "pactum_log";
    static final String DEFAULT_AUDIT = "pactum-audit.log";

    private static final Set<String> PLAIN_KEYS = Set.of("node.id", "log.directory", "log.postgres.url",
            "log.postgres.user", "log.postgres.password", "log.postgres.table", "recovery.interval",
            "recovery.orphan-safety-interval", "recovery.takeover", "audit.file");
    private static final Pattern RESOURCE_KEY = Pattern.compile("resource\\.(.+)\\.(url|user|password|decision-table)");
    private static final Pattern RESOURCE_NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern TABLE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final Path file;
    private final UnaryOperator<String> env;
    private final Map<String, String> values = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    private ConfigFile(Path file, UnaryOperator<String> env) {
        this.file = file;
        this.env = env;
    }

    /** Reads and checks a config file, taking {@code ${NAME}} from this process's environment. */
    public static Config load(Path file) throws ConfigException {
        return load(file, System::getenv);
    }

    /** Reads and checks a config file, taking {@code ${NAME}} from {@code env}. */
    public static Config load(Path file, UnaryOperator<String> env) throws ConfigException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of("the config file does not exist: create it (the README's "
                    + "Operations section has an example) or point --config at it"));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file.toString(), List.of("cannot read the config file: " + e.getMessage()));
        }
        return parse(file, p, env);
    }

    /** Checks settings already read; {@code file} names them in messages and anchors relative paths. */
    public static Config parse(Path file, Properties properties, UnaryOperator<String> env) throws ConfigException {
        ConfigFile c = new ConfigFile(file, env);
        properties.stringPropertyNames().forEach(k -> c.values.put(k.trim(), properties.getProperty(k).trim()));
        return c.check();
    }

    private Config check() throws ConfigException {
        Map<String, Map<String, String>> resourceKeys = sortKeys();
        Optional<String> node = nodeId();
        Config.LogSettings log = log(node);
        List<Config.ResourceSettings> resources = resources(resourceKeys);
        Duration interval = duration("recovery.interval", DEFAULT_INTERVAL, false);
        Duration safety = duration("recovery.orphan-safety-interval", DEFAULT_SAFETY, true);
        Set<String> takeover = takeover(node);
        Path audit = path("audit.file", DEFAULT_AUDIT);
        if (!problems.isEmpty()) {
            throw new ConfigException(file.toString(), problems);
        }
        return new Config(node, log, resources, interval, safety, takeover, audit);
    }

    /** Checks every key is known; returns the resource settings by name. */
    private Map<String, Map<String, String>> sortKeys() {
        Map<String, Map<String, String>> resources = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            Matcher m = RESOURCE_KEY.matcher(key);
            if (m.matches()) {
                resources.computeIfAbsent(m.group(1), n -> new LinkedHashMap<>()).put(m.group(2), key);
            } else if (!PLAIN_KEYS.contains(key)) {
                problems.add("unknown setting '" + key + "'" + hint(key) + "; the settings are " + String.join(", ",
                        new java.util.TreeSet<>(PLAIN_KEYS)) + " and resource.NAME.url/user/password/decision-table");
            }
        }
        return resources;
    }

    private static String hint(String key) {
        if (key.startsWith("resource.")) {
            return " (a data source takes resource.NAME.url, resource.NAME.user, resource.NAME.password and "
                    + "resource.NAME.decision-table)";
        }
        if (key.startsWith("log.")) {
            return " (the log is log.directory, or log.postgres.url/user/password/table)";
        }
        return "";
    }

    private Optional<String> nodeId() {
        String id = value("node.id");
        if (id == null) {
            return Optional.empty();
        }
        if (!NodeId.isValid(id)) {
            problems.add("node.id '" + id + "' is not a node id: use 1 to " + NodeId.MAX_LENGTH
                    + " of A-Z a-z 0-9 . _ -, the id the application's transaction manager runs as");
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private Config.LogSettings log(Optional<String> node) {
        boolean dir = values.containsKey("log.directory");
        boolean pg = values.keySet().stream().anyMatch(k -> k.startsWith("log.postgres."));
        if (dir && pg) {
            problems.add("both log.directory and log.postgres.* are set: keep the one the application uses");
        } else if (!dir && !pg) {
            problems.add("no log is configured: set log.directory to the application's log directory, or "
                    + "log.postgres.url (with .user, .password, .table) to its PostgreSQL log");
        }
        if (pg) {
            return postgresLog(node);
        }
        return new Config.FileLog(dir ? path("log.directory", null) : Path.of("."));
    }

    private Config.LogSettings postgresLog(Optional<String> node) {
        String url = value("log.postgres.url");
        if (url == null) {
            problems.add("log.postgres.url is missing: set it to the JDBC URL of the database that holds the log table");
        } else if (!url.startsWith("jdbc:postgresql:")) {
            problems.add("log.postgres.url '" + url + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://host/db)");
        }
        if (node.isEmpty() && !values.containsKey("node.id")) {
            problems.add("node.id is missing: a PostgreSQL log holds several nodes, so name the one to recover");
        }
        String table = values.containsKey("log.postgres.table") ? value("log.postgres.table") : DEFAULT_TABLE;
        if (table != null && !TABLE.matcher(table).matches()) {
            problems.add("log.postgres.table '" + table + "' is not a plain SQL identifier (letters, digits, '_', "
                    + "optionally schema.table)");
        }
        return new Config.PostgresLog(url, value("log.postgres.user"), value("log.postgres.password"), table);
    }

    private List<Config.ResourceSettings> resources(Map<String, Map<String, String>> byName) {
        List<Config.ResourceSettings> result = new ArrayList<>();
        byName.forEach((name, keys) -> {
            if (!RESOURCE_NAME.matcher(name).matches()) {
                problems.add("resource name '" + name + "' is not a data source name: use 1 to 64 of A-Z a-z 0-9 . _ - :"
                        + " (write ':' as '\\:' in a properties key)");
            }
            String url = keys.containsKey("url") ? value(keys.get("url")) : null;
            if (url == null) {
                problems.add("resource." + name + ".url is missing: set the JDBC URL of data source '" + name + "'");
            } else if (url.startsWith("jdbc:mariadb:")) {
                problems.add("resource." + name + ".url '" + url + "': the CLI ships mysql-connector-j, not MariaDB "
                        + "Connector/J: write the URL as jdbc:mysql://... (it reaches MariaDB too)");
            } else if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:mysql:")) {
                problems.add("resource." + name + ".url '" + url + "' is not a URL the CLI can reach: use jdbc:postgresql:"
                        + " or jdbc:mysql: (MySQL and MariaDB)");
            }
            String user = keys.containsKey("user") ? value(keys.get("user")) : null;
            String password = keys.containsKey("password") ? value(keys.get("password")) : null;
            String table = keys.containsKey("decision-table") ? value(keys.get("decision-table")) : null;
            if (table != null && !TABLE.matcher(table).matches()) {
                problems.add("resource." + name + ".decision-table '" + table + "' is not a table name: use name or "
                        + "schema.name, letters, digits and _");
            }
            result.add(new Config.ResourceSettings(name, url, user, password, table));
        });
        return result;
    }

    private Duration duration(String key, Duration fallback, boolean zeroAllowed) {
        String text = value(key);
        if (text == null) {
            return fallback;
        }
        try {
            Duration d = Durations.parse(text);
            if (d.isNegative() || (d.isZero() && !zeroAllowed)) {
                problems.add(key + " is " + text + ": use a " + (zeroAllowed ? "zero or positive" : "positive")
                        + " duration");
                return fallback;
            }
            return d;
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return fallback;
        }
    }

    private Set<String> takeover(Optional<String> node) {
        String text = value("recovery.takeover");
        Set<String> ids = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        for (String id : text.split("[,\\s]+")) {
            if (!NodeId.isValid(id)) {
                problems.add("recovery.takeover names '" + id + "', which is not a node id (1 to " + NodeId.MAX_LENGTH
                        + " of A-Z a-z 0-9 . _ -); separate ids with commas");
            } else if (node.isPresent() && node.get().equals(id)) {
                problems.add("recovery.takeover names this node itself (" + id + "): list only other nodes");
            } else {
                ids.add(id);
            }
        }
        return ids;
    }

    private Path path(String key, String fallback) {
        String text = value(key);
        if (text == null || text.isEmpty()) {
            if (fallback == null) {
                problems.add(key + " is empty: set it to a directory");
                return Path.of(".");
            }
            text = fallback;
        }
        Path base = file.toAbsolutePath().getParent();
        return base.resolve(text).normalize();
    }

    /** The value with {@code ${NAME}} replaced; null when unset, or when a variable is missing (a problem then). */
    private String value(String key) {
        String raw = values.get(key);
        if (raw == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
                problems.add(key + " uses ${" + m.group(1) + "}, which is not set in the environment: export "
                        + m.group(1) + " before running pactum, or write the value into the file");
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
