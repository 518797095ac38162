-- The hall displays' settings (notice line, announcement wording): one row, changed by the manager.
CREATE TABLE display_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users (id)
);
