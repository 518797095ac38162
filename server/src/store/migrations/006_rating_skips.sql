-- "Not rated": a counter's tablet or button box asked after service and nobody answered in time.
-- Kept apart from `ratings`, so ratings ÷ served stays the response rate and a skip is never a rating.
CREATE TABLE rating_skips (
  id INTEGER PRIMARY KEY,
  ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets(id),
  counter_id INTEGER,
  staff_id INTEGER,
  service_id TEXT NOT NULL,
  dossier_code TEXT,
  channel TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT 'timeout',
  at INTEGER NOT NULL
);
CREATE TRIGGER rating_skips_keep_history BEFORE DELETE ON rating_skips BEGIN SELECT RAISE(ABORT, 'rating skips are history and are never deleted'); END;
-- Finding a counter's just-finished ticket, and the tickets whose rating time ran out.
CREATE INDEX tickets_finished ON tickets (counter_id, finished_at) WHERE status = 'done';
CREATE INDEX ratings_at ON ratings (at);
