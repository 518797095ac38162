-- Rollups carry every figure a city report needs, so month and year reports read them instead of ticket facts: the
-- within-target count, the wait buckets, channels, and sketches of the waits and service times for medians and p90
-- (hub/src/sketch.ts). Rows are written by hub/src/rollups.ts; the rows of earlier versions are rebuilt from the facts
-- when the hub starts (they are emptied here, and an empty rollup table beside ticket facts means "rebuild").
DELETE FROM rollups_daily;
ALTER TABLE rollups_daily
  ADD COLUMN wait_within_target integer NOT NULL DEFAULT 0,
  ADD COLUMN wait_buckets integer[] NOT NULL DEFAULT '{}',
  ADD COLUMN issued_by_channel jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN ratings_by_channel jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN wait_sketch jsonb,
  ADD COLUMN service_sketch jsonb;

-- The same figures per center × field × month (`day` = the month's first day), merged from the month's days in the
-- same transaction: a year report reads 12 rows per center and field.
CREATE TABLE rollups_monthly (LIKE rollups_daily INCLUDING DEFAULTS, PRIMARY KEY (day, center_id, service_id));
