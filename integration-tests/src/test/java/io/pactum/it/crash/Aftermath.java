package io.pactum.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/**
 * What must hold after any crash and a recovery, whatever the crash point: nothing of ours is
 * left prepared, every transfer is on both sides or on neither, the money is exact on each side,
 * every transfer whose decision was durable (or whose commit returned) is committed, and the log
 * has nothing left to finish.
 */
final class Aftermath {
    private static final long OPENING_TOTAL = Ledger.ACCOUNTS * Ledger.OPENING_BALANCE;

    private Aftermath() {
    }

    static void assertConsistent(CrashSite site, String run) throws Exception {
        for (Db db : Db.values()) {
            assertThat(site.prepared(db)).as("%s: branches left prepared in %s", run, db).isEmpty();
        }
        Map<String, Long> pg = site.ledger.markers(Db.POSTGRESQL);
        Map<String, Long> my = site.ledger.markers(Db.MARIADB);
        assertThat(pg).as("%s: every transfer committed on both sides or on neither (PostgreSQL's markers "
                + "against MariaDB's)", run).isEqualTo(my);
        long moved = pg.values().stream().mapToLong(Long::longValue).sum();
        assertThat(site.ledger.total(Db.POSTGRESQL)).as("%s: PostgreSQL's money", run).isEqualTo(OPENING_TOTAL - moved);
        assertThat(site.ledger.total(Db.MARIADB)).as("%s: MariaDB's money", run).isEqualTo(OPENING_TOTAL + moved);
        assertThat(pg.keySet()).as("%s: transfers whose decision was durable are committed", run)
                .containsAll(site.decided());
        assertThat(pg.keySet()).as("%s: transfers whose commit() returned are committed", run)
                .containsAll(site.committed());
        assertThat(site.journal().pending()).as("%s: decisions the log still holds", run).isEmpty();
        assertThat(site.decisionRows()).as("%s: decisions PostgreSQL still holds", run).isZero();
    }
}
