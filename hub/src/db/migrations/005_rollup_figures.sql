-- Rollups carry every figure a city report needs, so month and year reports read them instead of ticket facts: each
-- row gets the encoded FigureRollup of its tickets (@qms/protocol/figures, the centers' own rollup format: counts,
-- sums, exact max, duration sketches for medians and p90). Rows are written by hub/src/rollups.ts; the rows of earlier
-- versions are rebuilt from the facts when the hub starts (they are emptied here, and an empty rollup table beside
-- ticket facts means "rebuild").
DELETE FROM rollups_daily;
ALTER TABLE rollups_daily ADD COLUMN figures bytea NOT NULL;

-- The same per center × field × month (`day` = the month's first day), merged from the month's days in the same
-- transaction: a year report reads 12 rows per center and field.
CREATE TABLE rollups_monthly (
  center_id integer NOT NULL,
  day date NOT NULL,
  service_id text NOT NULL,
  figures bytea NOT NULL,
  PRIMARY KEY (day, center_id, service_id)
);
