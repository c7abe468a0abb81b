package io.pactum.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads move money between PostgreSQL and MariaDB at once, committing most transfers and
 * rolling some back: not a unit of money is created or lost on either side, and every side holds
 * exactly what the committed transfers moved to it.
 */
class ConcurrentTransfersTest {
    private static final int THREADS = 16;
    private static final int TRANSFERS_PER_THREAD = 300;

    @TempDir
    Path log;

    @Test
    void theTotalBalanceStaysExact() throws Exception {
        long seed = Long.getLong("pactum.transfers.seed", System.nanoTime());
        try (Bank bank = new Bank(log)) {
            AtomicLong movedToMariaDb = new AtomicLong();
            AtomicInteger committed = new AtomicInteger();
            AtomicInteger rolledBack = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    SplittableRandom random = new SplittableRandom(seed + t);
                    done.add(threads.submit(() -> {
                        for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                            transfer(bank, random, movedToMariaDb, committed, rolledBack);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                threads.shutdownNow();
            }

            String run = "seed " + seed + " (replay with -Dpactum.transfers.seed=" + seed + ")";
            assertThat(committed.get() + rolledBack.get()).as(run).isEqualTo(THREADS * TRANSFERS_PER_THREAD);
            assertThat(committed.get()).as(run).isGreaterThan(THREADS * TRANSFERS_PER_THREAD / 2);
            long opening = Bank.ACCOUNTS * Bank.OPENING_BALANCE;
            assertThat(bank.pgTotal() + bank.myTotal()).as(run).isEqualTo(2 * opening);
            assertThat(bank.pgTotal()).as(run).isEqualTo(opening - movedToMariaDb.get());
            assertThat(bank.myTotal()).as(run).isEqualTo(opening + movedToMariaDb.get());
            assertThat(bank.inDoubt()).as(run).isEmpty();
            assertThat(bank.tm.inFlightCount()).isZero();
        }
    }

    /**
     * One transfer in one direction or the other; PostgreSQL is always updated first, so that no
     * two transfers wait for each other across the two databases. One in eight is rolled back.
     */
    private static void transfer(Bank bank, SplittableRandom random, AtomicLong movedToMariaDb,
            AtomicInteger committed, AtomicInteger rolledBack) throws Exception {
        int pgAccount = 1 + random.nextInt(Bank.ACCOUNTS);
        int myAccount = 1 + random.nextInt(Bank.ACCOUNTS);
        long amount = (1 + random.nextInt(50)) * (random.nextBoolean() ? 1 : -1);
        boolean giveUp = random.nextInt(8) == 0;
        bank.tm.begin();
        try {
            bank.add(bank.pg, pgAccount, -amount);
            bank.add(bank.my, myAccount, amount);
        } catch (Exception e) {
            bank.tm.rollback();
            throw e;
        }
        if (giveUp) {
            bank.tm.rollback();
            rolledBack.incrementAndGet();
            return;
        }
        bank.tm.commit();
        movedToMariaDb.addAndGet(amount);
        committed.incrementAndGet();
    }
}
