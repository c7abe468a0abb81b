package io.pactum.twopc;

import java.util.List;

/**
 * How the phase-2 branches of one transaction ended, counted. A heuristic branch whose outcome
 * could not be logged stays {@link BranchStatus#IN_DOUBT} and counts both as heuristic and in doubt.
 */
public record Tally(int committed, int rolledBack, int heuristicCommit, int heuristicRollback, int heuristicMixed,
        int inDoubt) {

    public static Tally of(List<Branch> branches) {
        int c = 0, rb = 0, hc = 0, hr = 0, hm = 0, d = 0;
        for (Branch b : branches) {
            if (b.heuristic() != null) {
                switch (b.heuristic()) {
                    case COMMITTED -> hc++;
                    case ROLLED_BACK -> hr++;
                    default -> hm++;
                }
            }
            switch (b.status()) {
                case COMMITTED -> c++;
                case ROLLED_BACK -> rb++;
                case IN_DOUBT -> d++;
                default -> {
                }
            }
        }
        return new Tally(c, rb, hc, hr, hm, d);
    }

    /** Some work was committed, by decision or heuristically. */
    public boolean anyCommitted() {
        return committed + heuristicCommit > 0;
    }

    /** Some work was rolled back, by decision or heuristically. */
    public boolean anyRolledBack() {
        return rolledBack + heuristicRollback > 0;
    }
}
