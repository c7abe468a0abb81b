package io.pactum.recovery;

/**
 * What one recovery scan did.
 *
 * @param committed         branches committed because their transaction decided so
 * @param alreadyCommitted  branches of a decision the resource no longer knew (committed before)
 * @param rolledBack        branches without a decision rolled back
 * @param heuristic         branches that ended heuristically
 * @param failed            actions that failed and will be tried again
 * @param decisionsFinished decisions forgotten because every branch is committed
 * @param failedResources   resources whose scan failed
 * @param waiting           branches of ours seen but not acted on yet (in flight, or not old enough)
 */
public record ScanReport(int committed, int alreadyCommitted, int rolledBack, int heuristic, int failed,
        int decisionsFinished, int failedResources, int waiting) {
}
