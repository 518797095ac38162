-- A hall display paired from the admin page for some counters only (JSON array of counter ids); NULL: every counter.
ALTER TABLE devices ADD COLUMN counter_ids TEXT;
