package io.pactum.bench;

/**
 * What a sync-counting run of one cell found.
 *
 * @param result the counting run's own result (slower than a measured run: strace stops each sync)
 * @param syncs the syncs that count for the system: the JVM's own, or the database server's
 * @param perTx syncs per committed transaction
 * @param how where the count comes from, for the report
 */
record SyncCount(CellResult result, long syncs, double perTx, String how) {
    /** @param external how a system whose syncs happen elsewhere counted them, or null */
    static SyncCount of(CellResult r, SyncTrace.Counts own, String external) {
        if (r.syncs() >= 0) {
            return new SyncCount(r, r.syncs(), r.syncsPerTx(), external + " over " + r.syncTransactions()
                    + " tx; the JVM itself: " + own);
        }
        long n = own.total();
        return new SyncCount(r, n, r.transactions() == 0 ? Double.NaN : (double) n / r.transactions(),
                "strace: " + own + " over " + r.transactions() + " tx");
    }
}
