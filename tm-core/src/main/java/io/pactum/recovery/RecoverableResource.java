package io.pactum.recovery;

import javax.transaction.xa.XAResource;

/**
 * A resource manager that recovery may scan: a database, a broker. Its name is the one its
 * branches carry in the log, so it must stay the same across restarts.
 */
public interface RecoverableResource {
    String name();

    /** Opens a connection for one scan; recovery closes it when the scan ends. */
    Session open() throws Exception;

    /** One scan's connection. */
    interface Session extends AutoCloseable {
        XAResource xaResource();

        @Override
        void close() throws Exception;
    }

    /** A resource whose XAResource needs no connection of its own (tests, in-memory resources). */
    static RecoverableResource of(String name, XAResource resource) {
        return new RecoverableResource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Session open() {
                return new Session() {
                    @Override
                    public XAResource xaResource() {
                        return resource;
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }
}
