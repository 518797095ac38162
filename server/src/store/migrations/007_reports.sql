-- Counts from paper satisfaction surveys, entered by a manager per field and period; kept apart from device ratings.
CREATE TABLE paper_ballots (
  id INTEGER PRIMARY KEY,
  service_id TEXT NOT NULL REFERENCES services(id),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  very_satisfied INTEGER NOT NULL CHECK (very_satisfied >= 0),
  satisfied INTEGER NOT NULL CHECK (satisfied >= 0),
  neutral INTEGER NOT NULL CHECK (neutral >= 0),
  dissatisfied INTEGER NOT NULL CHECK (dissatisfied >= 0),
  very_dissatisfied INTEGER NOT NULL CHECK (very_dissatisfied >= 0),
  note TEXT,
  entered_by INTEGER REFERENCES users(id),
  entered_at INTEGER NOT NULL,
  voided_at INTEGER,
  voided_by INTEGER REFERENCES users(id),
  CHECK (period_from <= period_to)
);
CREATE INDEX paper_ballots_period ON paper_ballots (period_to, period_from);
CREATE TRIGGER paper_ballots_keep_history BEFORE DELETE ON paper_ballots BEGIN SELECT RAISE(ABORT, 'paper ballots are voided, never deleted'); END;

-- Reports read a range of service days; this index holds every column they need, so a month is read from the index alone.
CREATE INDEX tickets_report ON tickets (service_day, service_id, status, channel, counter_id, staff_id, issued_at, first_called_at, started_at, finished_at, id);
-- "Was this ticket ever transferred / left unrated" is one seek per ticket.
CREATE INDEX events_type_ticket ON events (type, ticket_id);
