-- The replies kept for retries, in the order they were stored: a reply (a ticket's whole answer) goes on the table's last
-- page, and only its key (short) goes in a random place of the key's index. Keyed by the key itself (020), each reply
-- went to a random page of big rows and split one every other insert: 11 pages for a commit of four tickets, now 6.5.
CREATE TABLE idempotency_replies (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  status INTEGER NOT NULL,
  body TEXT,
  created_at INTEGER NOT NULL
);
INSERT INTO idempotency_replies (key, status, body, created_at) SELECT key, status, body, created_at FROM idempotency_keys ORDER BY created_at;
DROP TABLE idempotency_keys;
ALTER TABLE idempotency_replies RENAME TO idempotency_keys;
