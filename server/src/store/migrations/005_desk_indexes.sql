-- The desk console asks for an officer's own day (finishes, no-shows by staff) and a counter's usual procedures.
CREATE INDEX events_staff_type_at ON events (staff_id, type, at);
CREATE INDEX events_counter_type_at ON events (counter_id, type, at);
