package io.pactum.bench;

/**
 * Counts latencies in log-linear buckets: each power of two is split into 32 equal buckets, so
 * any value is known to within about 3 %. One per worker thread (not thread-safe), merged at
 * the end; recording is a few shifts and an array increment, cheap enough for every transaction.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 5;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS) * SUB_COUNT;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long sum;
    private long max;

    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[indexOf(v)]++;
        total++;
        sum += v;
        if (v > max) {
            max = v;
        }
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sum += other.sum;
        max = Math.max(max, other.max);
    }

    public long count() {
        return total;
    }

    public long max() {
        return max;
    }

    public double mean() {
        return total == 0 ? 0 : (double) sum / total;
    }

    /** The value below which {@code fraction} of the recorded values lie (midpoint of its bucket). */
    public long percentile(double fraction) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, midpointOf(i));
            }
        }
        return max;
    }

    static int indexOf(long v) {
        if (v < SUB_COUNT) {
            return (int) v;
        }
        int shift = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS;
        return (shift + 1) * SUB_COUNT + (int) ((v >>> shift) - SUB_COUNT);
    }

    static long lowestOf(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int shift = index / SUB_COUNT - 1;
        return (long) (SUB_COUNT + index % SUB_COUNT) << shift;
    }

    static long midpointOf(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int shift = index / SUB_COUNT - 1;
        return lowestOf(index) + ((1L << shift) >> 1);
    }
}
