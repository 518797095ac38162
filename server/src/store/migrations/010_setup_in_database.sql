-- The database is the source of truth for the center's setup. The config file is imported once, on the first start
-- (no row here yet), or again from the admin page; after that the file's setup parts are ignored (store/setup.ts).
CREATE TABLE center_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- JSON: center, timezone, priorityCategories, antiStarvation, ratingWindowMinutes, rating, reports.
  settings TEXT NOT NULL,
  -- SHA-256 of the config file as last imported, so a start can tell that the file changed since.
  source_hash TEXT,
  imported_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- "Stop issuing today": the service day it applies to (a new day clears it by itself) and the reason screens show.
ALTER TABLE services ADD COLUMN stopped_day TEXT;
ALTER TABLE services ADD COLUMN stopped_reason TEXT;
-- Names the field had before a rename (JSON array, oldest first); reports show the current name.
ALTER TABLE services ADD COLUMN former_names TEXT NOT NULL DEFAULT '[]';
-- After a reset or for a new account: every route but the password change refuses until it is changed.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
-- The counters the account may sign in at (JSON array); NULL: any counter.
ALTER TABLE users ADD COLUMN counter_ids TEXT;
-- Kiosks, hall displays and rating tablets with their tokens (as the config file had them, which is on the same machine).
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'rating')),
  token TEXT NOT NULL UNIQUE,
  counter_id INTEGER,
  active INTEGER NOT NULL DEFAULT 1
);
-- The change log reads the `setup.*` events newest first.
CREATE INDEX events_type_id ON events (type, id);
