package io.pactum.bench;

import io.pactum.bench.sut.SystemUnderTest;
import io.pactum.bench.workload.Workload;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a workload on N threads: a warm-up, then a measured period. A transaction counts when it
 * began inside the measured period; its latency is begin to commit return.
 */
final class Driver {
    private static final int WARMUP = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;

    private volatile int phase = WARMUP;

    /**
     * What one measured period produced.
     *
     * @param allTransactions the transactions of the warm-up and the measured period together
     * @param warmupMillis    how long the warm-up really took
     * @param jitMillis       how long the JIT compiler worked during the measured period, or -1
     */
    record Outcome(long transactions, long errors, double seconds, LatencyHistogram latency, long gcCount,
            long gcMillis, long allocatedBytes, String firstError, List<String> calls, Window window,
            long allTransactions, long cpuNanos, long warmupMillis, long jitMillis) {
    }

    /**
     * How long to warm up: at least {@code millis}, then on while the JIT compiler is still busy,
     * until {@code maxMillis} at most (0: exactly {@code millis}). A cell whose measured period
     * overlaps the compiler's work measures the compiler too: with the workers and the database
     * servers on 2 cores, it can take a minute to compile a JDBC workload's hot code.
     */
    record Warmup(long millis, long maxMillis) {
        /** The compiler is quiet when it worked less than this in the last {@link #WINDOW_MILLIS}. */
        static final long QUIET_MILLIS = 50;
        static final long WINDOW_MILLIS = 5_000;
        private static final long STEP_MILLIS = 500;

        /** Sleeps through the warm-up; returns how long it took. */
        long run() throws InterruptedException {
            long start = System.nanoTime();
            Thread.sleep(millis);
            if (maxMillis <= millis || jitMillis() < 0) {
                return elapsedMillis(start);
            }
            ArrayDeque<Long> recent = new ArrayDeque<>(); // the compiler's total time, one sample per step
            recent.add(jitMillis());
            int window = (int) (WINDOW_MILLIS / STEP_MILLIS);
            while (elapsedMillis(start) < maxMillis) {
                Thread.sleep(Math.min(STEP_MILLIS, Math.max(1, maxMillis - elapsedMillis(start))));
                recent.addLast(jitMillis());
                if (recent.size() > window + 1) {
                    recent.removeFirst();
                }
                if (recent.size() == window + 1 && recent.peekLast() - recent.peekFirst() < QUIET_MILLIS) {
                    break;
                }
            }
            return elapsedMillis(start);
        }

        private static long elapsedMillis(long startNanos) {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }
    }

    /**
     * The measured period on the wall clock (epoch microseconds, the clock strace prints), so
     * that a tracer outside the JVM can count what happened within it.
     */
    record Window(long startMicros, long endMicros) {
    }

    /** Told when the measured period starts and ends, on the driver's thread, while the workers run. */
    interface Period {
        Period NONE = new Period() {
        };

        default void started() throws Exception {
        }

        default void ended() throws Exception {
        }
    }

    Outcome run(SystemUnderTest.Running system, Workload workload, int threads, Warmup warmup,
            long measureMillis, Period period) throws Exception {
        List<WorkerThread> workers = new ArrayList<>(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            WorkerThread w = new WorkerThread(workload.newWorker(system), ready, "bench-worker-" + i);
            workers.add(w);
            w.start();
        }
        ready.await();
        long warmedUp = warmup.run();
        period.started();
        long jitBefore = jitMillis();
        long[] gcBefore = gc();
        long cpuStart = processCpuNanos();
        long wallStart = epochMicros();
        long start = System.nanoTime();
        phase = MEASURE;
        Thread.sleep(measureMillis);
        phase = STOP;
        long end = System.nanoTime();
        long wallEnd = epochMicros();
        long cpuEnd = processCpuNanos();
        long jitAfter = jitMillis();
        period.ended();
        for (WorkerThread w : workers) {
            w.join();
        }
        long[] gcAfter = gc();
        return collect(workers, (end - start) / 1e9, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1],
                new Window(wallStart, wallEnd), cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart, warmedUp,
                jitBefore < 0 || jitAfter < 0 ? -1 : jitAfter - jitBefore);
    }

    /** The JIT compiler's total time so far, or -1 where the JVM does not measure it. */
    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static Outcome collect(List<WorkerThread> workers, double seconds, long gcCount, long gcMillis,
            Window window, long cpuNanos, long warmupMillis, long jitMillis) {
        LatencyHistogram all = new LatencyHistogram();
        long tx = 0;
        long everything = 0;
        long errors = 0;
        String firstError = null;
        List<String> calls = new ArrayList<>(workers.size());
        long allocated = 0;
        for (WorkerThread w : workers) {
            allocated = allocated < 0 || w.allocated < 0 ? -1 : allocated + w.allocated;
            calls.add(w.getName() + " " + (w.transactions + w.warmupTransactions) + " tx: " + w.worker.calls());
            all.add(w.latency);
            tx += w.transactions;
            everything += w.transactions + w.warmupTransactions;
            errors += w.errors;
            if (firstError == null && w.firstError != null) {
                firstError = w.firstError.toString();
            }
        }
        return new Outcome(tx, errors, seconds, all, gcCount, gcMillis, allocated, firstError, calls, window,
                everything, cpuNanos, warmupMillis, jitMillis);
    }

    /** Bytes this thread allocated so far (HotSpot counts them per thread), or -1. */
    private static long allocatedByCurrentThread() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()
                ? bean.getCurrentThreadAllocatedBytes() : -1;
    }

    /**
     * The CPU time of the whole JVM (every thread: workers, pool, log, GC, JIT), or -1: what a
     * transaction costs the client's machine, which matters when the client and its databases
     * share the cores.
     */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            millis += Math.max(0, b.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private final class WorkerThread extends Thread {
        private final Workload.Worker worker;
        private final CountDownLatch ready;
        final LatencyHistogram latency = new LatencyHistogram();
        long transactions;
        long warmupTransactions;
        long errors;
        /** Bytes allocated from the start of the measured period to the end, or -1. */
        long allocated = -1;
        Throwable firstError;

        WorkerThread(Workload.Worker worker, CountDownLatch ready, String name) {
            super(name);
            this.worker = worker;
            this.ready = ready;
            setDaemon(true);
        }

        @Override
        public void run() {
            ready.countDown();
            long allocStart = -1;
            for (int p = phase; p != STOP; p = phase) {
                if (p == MEASURE && allocStart < 0) {
                    allocStart = allocatedByCurrentThread();
                }
                long t0 = System.nanoTime();
                try {
                    worker.transaction();
                } catch (Exception | Error e) {
                    failed(e);
                    continue;
                }
                if (p == MEASURE) {
                    latency.record(System.nanoTime() - t0);
                    transactions++;
                } else {
                    warmupTransactions++;
                }
            }
            long allocEnd = allocatedByCurrentThread();
            allocated = allocStart < 0 || allocEnd < 0 ? -1 : allocEnd - allocStart;
        }

        private void failed(Throwable e) {
            errors++;
            if (firstError == null) {
                firstError = e;
                e.printStackTrace();
            }
        }
    }
}
