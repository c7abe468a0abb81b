package io.pactum.cli.ops;

import io.pactum.cli.xid.RawXid;
import io.pactum.cli.xid.XidText;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicRecord;
import io.pactum.xid.PactumXid;
import java.util.Optional;

/**
 * One branch an operator should know about: prepared in a database, or ended heuristically
 * according to the log, or both, joined with what the log says of its transaction.
 *
 * @param decision  the transaction's pending commit decision, or null (none, or not in this log)
 * @param heuristic the log's heuristic record of this branch, or null
 * @param prepared  whether the resource lists it as prepared now
 */
public record Row(String resource, RawXid xid, Owner owner, CommitDecision decision, HeuristicRecord heuristic,
        boolean prepared) {

    public Optional<PactumXid> pactum() {
        return PactumXid.parse(xid);
    }

    public String xidText() {
        return XidText.format(xid);
    }
}
