package io.pactum.cli.ops;

import io.pactum.cli.config.Config;
import io.pactum.log.LogException;
import io.pactum.xid.NodeId;

/** Opens the configured log for reading, whichever kind it is. */
public final class Logs {
    private Logs() {
    }

    public static LogView read(Config c) throws LogException {
        if (c.log() instanceof Config.FileLog f) {
            LogView v = FileLogReader.read(f.directory());
            if (c.nodeId().isPresent() && !c.nodeId().get().equals(v.node().value())) {
                throw new LogException("the log directory " + f.directory() + " belongs to node '" + v.node()
                        + "', but node.id is '" + c.nodeId().get() + "': fix node.id or log.directory");
            }
            return v;
        }
        Config.PostgresLog pg = (Config.PostgresLog) c.log();
        return new PostgresLogReader(pg, new NodeId(c.nodeId().orElseThrow())).read(c.takeover());
    }
}
