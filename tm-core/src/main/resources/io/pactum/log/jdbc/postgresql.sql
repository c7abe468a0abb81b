-- Pactum's transaction log in PostgreSQL. PostgresLog creates this table itself unless
-- createTable(false) is set; then run this file once (psql -f postgresql.sql), replacing
-- pactum_log if you configure another table name.
--
-- One row per commit decision that is not done yet (branch = 0), and one per heuristic outcome
-- an operator has not forgotten yet (branch = the branch number). Several nodes may share the
-- table: every row carries its node id.
CREATE TABLE IF NOT EXISTS pactum_log (
    node_id        varchar(32)  NOT NULL,
    gtrid          bytea        NOT NULL,
    branch         integer      NOT NULL,
    resources      text[]       NOT NULL,   -- decision: 'branch:resource' per branch; heuristic: the resource
    outcome        varchar(16),             -- heuristic: COMMITTED, ROLLED_BACK, MIXED or HAZARD
    decided_commit boolean,                 -- heuristic: what the transaction had decided
    deadline       timestamptz,             -- decision: the transaction's deadline
    recorded_at    timestamptz  NOT NULL,
    PRIMARY KEY (node_id, gtrid, branch)
);
