-- Each b-tree a command changes is at least one more page its commit writes to the WAL and fsyncs: an issue touched
-- 24 of them. These were not needed:
-- no query reads tickets by issue time alone;
DROP INDEX tickets_issued;
-- tickets_report begins with the same columns (service_day, service_id, status) and serves the same lookups;
DROP INDEX tickets_day_service;
-- a ticket's events of one type are found through events_ticket (a handful per ticket), all events of a type
-- through events_type_id.
DROP INDEX events_type_ticket;

-- The replies kept for retries: the key is the table itself (one b-tree instead of a table and its key's index).
CREATE TABLE idempotency_keys_by_key (
  key TEXT PRIMARY KEY,
  status INTEGER NOT NULL,
  body TEXT,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO idempotency_keys_by_key (key, status, body, created_at) SELECT key, status, body, created_at FROM idempotency_keys;
DROP TABLE idempotency_keys;
ALTER TABLE idempotency_keys_by_key RENAME TO idempotency_keys;
