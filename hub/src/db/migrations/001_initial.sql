-- The city hub's store. Times of the centers' events are kept as they came (ms since the epoch in ticket facts).

CREATE TABLE accounts (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('city_admin', 'city_viewer')),
  password_hash text,
  active boolean NOT NULL DEFAULT true
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts (id),
  expires_at timestamptz NOT NULL
);

CREATE TABLE centers (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_contact_at timestamptz,
  timezone text,
  live jsonb,
  last_event_id bigint,
  events_stored bigint NOT NULL DEFAULT 0,
  -- A center restored from an old backup sends other events under ids the hub already holds: both are kept, and this says so.
  diverged_first_at timestamptz,
  diverged_events integer NOT NULL DEFAULT 0,
  diverged_from_event bigint
);

CREATE TABLE center_services (
  center_id integer NOT NULL REFERENCES centers (id),
  service_id text NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  satisfaction_target real NOT NULL,
  PRIMARY KEY (center_id, service_id)
);

-- Raw events, one row per (center, event id, content): a retry or a duplicate hits the key and is skipped; the same id
-- with other content (a diverged history) is a second row, marked. Partitioned by month of the event's time: a month
-- is created before its first event is inserted (ingest.ts); the default partition only catches what slips through.
CREATE TABLE events (
  center_id integer NOT NULL,
  event_id bigint NOT NULL,
  content_hash text NOT NULL,
  at timestamptz NOT NULL,
  type text NOT NULL,
  ticket_id text,
  counter_id integer,
  staff_id integer,
  payload jsonb NOT NULL,
  service_day date,
  diverged boolean NOT NULL DEFAULT false,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (center_id, event_id, content_hash, at)
) PARTITION BY RANGE (at);
CREATE TABLE events_default PARTITION OF events DEFAULT;
CREATE INDEX events_ticket ON events (center_id, ticket_id, event_id) WHERE ticket_id IS NOT NULL;

-- One row per ticket, folded from its events (facts.ts); what the figures read, never the raw events.
CREATE TABLE ticket_facts (
  center_id integer NOT NULL,
  ticket_id text NOT NULL,
  service_id text NOT NULL,
  service_day date NOT NULL,
  status text NOT NULL,
  channel text NOT NULL,
  issued_at bigint NOT NULL,
  first_called_at bigint,
  started_at bigint,
  finished_at bigint,
  transferred boolean NOT NULL,
  rating_skipped boolean NOT NULL,
  rating text,
  rating_channel text,
  rating_dossier boolean NOT NULL,
  PRIMARY KEY (center_id, ticket_id)
);
-- A range of days read in pages, in this order (summary.ts).
CREATE INDEX ticket_facts_day ON ticket_facts (service_day, center_id, ticket_id);
