package io.pactum.cli;

import io.pactum.cli.ops.Holder;
import io.pactum.cli.ops.LogView;
import io.pactum.cli.ops.Owner;
import io.pactum.cli.ops.Row;
import io.pactum.cli.ops.Rules;
import io.pactum.cli.ops.Survey;
import io.pactum.cli.text.Json;
import io.pactum.cli.xid.XidText;
import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.file.JournalEntry;
import java.util.List;
import java.util.Map;

/** The JSON shapes of {@code --json} output; scripts rely on their field names. */
final class JsonViews {
    private JsonViews() {
    }

    static Map<String, Object> log(LogView log) {
        Map<String, Object> o = Json.object();
        o.put("node", log.node().value());
        o.put("log", log.describe());
        o.put("holder", holder(log.holder()));
        return o;
    }

    static Map<String, Object> holder(Holder h) {
        Map<String, Object> o = Json.object();
        o.put("state", h.state().name().toLowerCase());
        o.put("description", h.description());
        o.put("since", h.since().orElse(null));
        return o;
    }

    static Map<String, Object> row(Row r, Survey s) {
        Map<String, Object> o = Json.object();
        o.put("xid", r.xidText());
        o.put("hex", XidText.hex(r.xid()));
        o.put("resource", r.resource());
        o.put("owner", r.owner().name().toLowerCase().replace('_', '-'));
        o.put("node", r.pactum().map(p -> p.globalId().nodeId().value()).orElse(null));
        o.put("prepared", r.prepared());
        o.put("decision", r.decision() != null ? "commit" : r.owner() == Owner.OURS ? "none" : null);
        o.put("decidedAt", r.decision() == null ? null : r.decision().decidedAt());
        o.put("ageSeconds", s.age(r).map(java.time.Duration::getSeconds).orElse(null));
        o.put("heuristic", r.heuristic() == null ? null : heuristic(r.heuristic()));
        Rules.Advice a = Rules.advise(r, s.log().holder(), s.at());
        o.put("suggestedAction", a.action());
        o.put("reason", a.reason());
        return o;
    }

    static Map<String, Object> decision(CommitDecision d) {
        Map<String, Object> o = Json.object();
        o.put("transaction", d.globalId().toString());
        o.put("decidedAt", d.decidedAt());
        o.put("deadline", d.deadline());
        o.put("branches", d.branches().stream().map(JsonViews::branch).toList());
        return o;
    }

    static Map<String, Object> branch(BranchRecord b) {
        Map<String, Object> o = Json.object();
        o.put("xid", b.xid().toString());
        o.put("resource", b.resourceName());
        return o;
    }

    static Map<String, Object> heuristic(HeuristicRecord h) {
        Map<String, Object> o = Json.object();
        o.put("xid", h.branch().xid().toString());
        o.put("resource", h.branch().resourceName());
        o.put("outcome", h.outcome().name());
        o.put("decidedCommit", h.committed());
        o.put("at", h.at());
        return o;
    }

    static Map<String, Object> record(LogView.Record r) {
        Map<String, Object> o = Json.object();
        o.put("where", r.where());
        JournalEntry e = r.entry();
        if (e instanceof JournalEntry.Decided d) {
            o.put("type", "decided");
            o.putAll(decision(d.decision()));
        } else if (e instanceof JournalEntry.Done d) {
            o.put("type", "done");
            o.put("transaction", d.globalId().toString());
        } else if (e instanceof JournalEntry.Heuristic h) {
            o.put("type", "heuristic");
            o.putAll(heuristic(h.record()));
        } else if (e instanceof JournalEntry.Forgotten f) {
            o.put("type", "forgotten");
            o.put("xid", f.xid().toString());
        }
        return o;
    }

    static List<Map<String, Object>> rows(List<Row> rows, Survey s) {
        return rows.stream().map(r -> row(r, s)).toList();
    }
}
