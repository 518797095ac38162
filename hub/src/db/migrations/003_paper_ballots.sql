-- Paper survey counts a center's manager entered (events paper_ballot.entered / .voided), so a city report covers
-- both channels like a center's. Counted where the whole survey period lies inside the report's range (docs/figures.md).
CREATE TABLE paper_ballots (
  center_id integer NOT NULL,
  ballot_id integer NOT NULL,
  service_id text NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  very_satisfied integer NOT NULL,
  satisfied integer NOT NULL,
  neutral integer NOT NULL,
  dissatisfied integer NOT NULL,
  very_dissatisfied integer NOT NULL,
  voided boolean NOT NULL DEFAULT false,
  PRIMARY KEY (center_id, ballot_id)
);
CREATE INDEX paper_ballots_period ON paper_ballots (period_from, period_to);
