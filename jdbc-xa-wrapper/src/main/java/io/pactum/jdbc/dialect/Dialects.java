package io.pactum.jdbc.dialect;

import java.util.Locale;

/** Finds the dialect of a JDBC URL or of a connected server. */
public final class Dialects {
    private Dialects() {
    }

    /**
     * The dialect of a JDBC URL that Pactum can make an XA data source for.
     *
     * @throws IllegalArgumentException for other URLs; the message says what to do instead
     */
    public static Dialect forUrl(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return new MySqlDialect();
        }
        throw new IllegalArgumentException("url " + url + " is not one Pactum makes XA data sources for (jdbc:postgresql:, "
                + "jdbc:mysql:, jdbc:mariadb:): give that database's javax.sql.XADataSource with xaDataSource(...)");
    }

    /** The dialect of a server by its {@code DatabaseMetaData.getDatabaseProductName()}. */
    public static Dialect forProduct(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgresql")) {
            return new PostgresDialect();
        }
        if (p.contains("mysql") || p.contains("mariadb")) {
            return new MySqlDialect();
        }
        return new GenericDialect(productName == null ? "unknown database" : productName);
    }
}
