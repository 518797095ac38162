-- The center's calendar: weekly issuing hours (one row), and days that differ from the normal week.
CREATE TABLE center_hours (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  hours TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER
);

-- A local date (YYYY-MM-DD) that is a holiday (no tickets) or a make-up working day (ngày làm bù).
CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('prefilled', 'manual'))
);

-- Years whose days were pre-filled or saved once, so an emptied year is not pre-filled again at start.
CREATE TABLE calendar_years (
  year INTEGER PRIMARY KEY,
  updated_at TEXT NOT NULL,
  updated_by INTEGER
);
