package io.pactum.jdbc;

import io.pactum.jdbc.dialect.Dialect;

/**
 * A data source's checked configuration, as {@link PactumDataSource.Builder#config()} makes it.
 *
 * @param name the stable name the log and recovery know it by
 * @param dialect the database's quirks; null: found from the connected server at build
 * @param allowOtherLastResources whether this non-XA data source may share a transaction with
 *                                another one that allows it too
 * @param decisionTable the table in which this data source holds the commit decisions of the
 *                      transactions it takes part in; null: it holds none
 */
public record DataSourceConfig(String name, ConnectionSource source, PoolSettings pool, Dialect dialect,
        boolean allowOtherLastResources, String decisionTable) {
}
