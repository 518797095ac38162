CREATE TABLE services (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  prefix TEXT NOT NULL,
  width INTEGER NOT NULL,
  start_number INTEGER NOT NULL,
  daily_cap INTEGER,
  hours TEXT,
  default_service_seconds INTEGER NOT NULL,
  satisfaction_target REAL NOT NULL,
  sort INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('staff', 'manager', 'admin')),
  password_hash TEXT,
  counter_id INTEGER,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL REFERENCES services(id),
  seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  priority TEXT,
  channel TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'on_hold')),
  counter_id INTEGER,
  target_counter_id INTEGER,
  queued_at INTEGER NOT NULL,
  issued_at INTEGER NOT NULL,
  first_called_at INTEGER,
  called_at INTEGER,
  started_at INTEGER,
  finished_at INTEGER,
  call_count INTEGER NOT NULL DEFAULT 0,
  dossier_code TEXT,
  staff_id INTEGER REFERENCES users(id),
  printed INTEGER,
  UNIQUE (service_day, number)
);
CREATE INDEX tickets_open ON tickets (status, service_day, queued_at);
CREATE INDEX tickets_issued ON tickets (issued_at);

-- The numbering source of truth: bumped in the same transaction as the ticket row, so a number is never issued twice.
CREATE TABLE day_sequences (
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL REFERENCES services(id),
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (service_day, service_id)
);

CREATE TABLE counters (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  service_ids TEXT NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0,
  service_order TEXT NOT NULL DEFAULT 'fifo',
  status TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('open', 'paused', 'closed')),
  staff_id INTEGER REFERENCES users(id),
  current_ticket_id TEXT REFERENCES tickets(id),
  priority_streak INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  ticket_id TEXT REFERENCES tickets(id),
  counter_id INTEGER,
  staff_id INTEGER,
  payload TEXT NOT NULL DEFAULT '{}',
  at INTEGER NOT NULL
);
CREATE INDEX events_ticket ON events (ticket_id);
CREATE INDEX events_at ON events (at);

CREATE TABLE ratings (
  id INTEGER PRIMARY KEY,
  ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets(id),
  level TEXT NOT NULL CHECK (level IN ('very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied')),
  reasons TEXT NOT NULL DEFAULT '[]',
  comment TEXT,
  counter_id INTEGER,
  staff_id INTEGER,
  service_id TEXT NOT NULL,
  dossier_code TEXT,
  channel TEXT NOT NULL,
  at INTEGER NOT NULL
);

CREATE TABLE idempotency_keys (
  key TEXT PRIMARY KEY,
  status INTEGER NOT NULL,
  body TEXT,
  created_at INTEGER NOT NULL
);

-- History is never deleted or rewritten.
CREATE TRIGGER tickets_keep_history BEFORE DELETE ON tickets BEGIN SELECT RAISE(ABORT, 'tickets are history and are never deleted'); END;
CREATE TRIGGER events_keep_history BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are history and are never deleted'); END;
CREATE TRIGGER events_append_only BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER ratings_keep_history BEFORE DELETE ON ratings BEGIN SELECT RAISE(ABORT, 'ratings are history and are never deleted'); END;
