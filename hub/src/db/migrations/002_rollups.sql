-- Figures that add up, per center × field × day: what a city month or year overview reads instead of ticket facts.
-- Rewritten for a center's touched days in the same transaction as the facts they summarise (rollups.ts). A few
-- hundred thousand rows a year for a whole city: one table, no partitions needed.
CREATE TABLE rollups_daily (
  center_id integer NOT NULL,
  day date NOT NULL,
  service_id text NOT NULL,
  issued integer NOT NULL,
  served integer NOT NULL,
  no_show integer NOT NULL,
  cancelled integer NOT NULL,
  transferred integer NOT NULL,
  called integer NOT NULL,
  wait_seconds_sum double precision NOT NULL,
  wait_seconds_max double precision,
  service_timed integer NOT NULL,
  service_seconds_sum double precision NOT NULL,
  service_seconds_max double precision,
  very_satisfied integer NOT NULL,
  satisfied integer NOT NULL,
  neutral integer NOT NULL,
  dissatisfied integer NOT NULL,
  very_dissatisfied integer NOT NULL,
  ratings_with_dossier integer NOT NULL,
  ratings_skipped integer NOT NULL,
  PRIMARY KEY (day, center_id, service_id)
);
