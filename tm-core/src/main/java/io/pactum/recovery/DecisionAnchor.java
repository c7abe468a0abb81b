package io.pactum.recovery;

import io.pactum.xid.GlobalId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A resource manager that holds the commit decisions of the transactions it takes part in, so
 * that they need no write to Pactum's own log (an "anchored" commit).
 *
 * <p>Its branch writes the decision into its own work ({@link io.pactum.xa.AnchorBranch}) and is
 * not prepared: once the other branches are prepared it is committed in one phase, and that
 * commit is the decision. Recovery asks the anchor about a prepared branch whose gtrid names it
 * ({@link GlobalId#anchor}): {@link #committed} either finds the decision, or makes sure that
 * none can ever be written (a durable refusal the anchor's own commit would collide with).
 *
 * <p>A transaction manager has at most one anchor: gtrids name it from begin on.
 */
public interface DecisionAnchor extends RecoverableResource {
    /** A decision, or a refusal, that the anchor holds. */
    record Decision(GlobalId id, boolean committed, Set<String> resources) {
        /**
         * @param resources for a commit, the resources of the transaction's other branches:
         *                  recovery forgets it only after it could scan them all
         */
        public Decision {
            resources = Set.copyOf(resources);
        }
    }

    /**
     * Whether the transaction committed: true when its decision is here; false once the anchor
     * holds a refusal, which this call writes when there is neither. While the transaction's
     * own anchor branch is still open, this waits for it to end (or fails).
     *
     * @throws Exception when that cannot be known now: nothing may be concluded
     */
    boolean committed(GlobalId id) throws Exception;

    /** The decisions and refusals it holds: of every node, recovery picks its own. */
    List<Decision> decisions() throws Exception;

    /** Deletes the decisions and refusals of these transactions: nothing of them is left to recover. */
    void forget(Collection<GlobalId> ids) throws Exception;

    /**
     * Every branch of this transaction committed: its decision may go, when the anchor next
     * cleans up. Never blocks, never throws; what is not forgotten now recovery finds later.
     */
    void finished(GlobalId id);
}
