-- Report rollups (docs/figures.md, "Reports from rollups"): per service day × field × counter × officer, and per
-- service day × local hour of issue, the encoded FigureRollup (@qms/protocol/figures) of the tickets issued then.
-- Counter and officer are the last ones that called the ticket, -1 when none did. Kept in the same transaction as the
-- ticket, rating and event rows they follow (server/src/stats/rollups.ts); filled from the tickets at the first start
-- after this migration (rollup_meta has no row until then) or when the center's time zone changed.
CREATE TABLE rollup_cells (
  day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  counter_id INTEGER NOT NULL,
  staff_id INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (day, service_id, counter_id, staff_id)
);

CREATE TABLE rollup_hours (
  day TEXT NOT NULL,
  hour INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (day, hour)
);

CREATE TABLE rollup_meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  time_zone TEXT NOT NULL
);
