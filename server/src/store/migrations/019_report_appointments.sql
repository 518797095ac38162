-- Reports read a booked ticket's slot start (punctuality, docs/figures.md "Lịch hẹn"): the report index holds it too,
-- so a month is still read from the index alone.
DROP INDEX tickets_report;
CREATE INDEX tickets_report ON tickets (service_day, service_id, status, channel, counter_id, staff_id, issued_at, first_called_at, started_at, finished_at, id, appointment_at);

-- Rollups from now on also hold booked and walk-in waits and punctuality (format 2): built again from the tickets at
-- the next start, as after migration 015.
DELETE FROM rollup_meta;
