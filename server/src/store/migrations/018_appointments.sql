-- Bookings (lịch hẹn): a slot of a field, checked in at the kiosk for a ticket on channel `appointment`.
-- No name or ID number is kept. The phone number is optional (taken only with consent) and kept in its own table,
-- its row deleted at `erase_after` (N days after the slot; docs/privacy.md) or when the booking is cancelled; the
-- database runs with secure_delete so the deleted number is not left in free pages. `device_id` goes at the same time.
CREATE TABLE appointments (
  code TEXT PRIMARY KEY,
  link_key TEXT NOT NULL,
  service_id TEXT NOT NULL,
  service_day TEXT NOT NULL,
  slot_start INTEGER NOT NULL,
  slot_end INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'cancelled', 'no_show')),
  origin TEXT NOT NULL CHECK (origin IN ('phone', 'desk', 'hub')),
  device_id TEXT,
  erase_after INTEGER NOT NULL,
  erased_at INTEGER,
  created_at INTEGER NOT NULL,
  created_day TEXT NOT NULL,
  staff_id INTEGER,
  ticket_id TEXT,
  checked_in_at INTEGER,
  closed_at INTEGER
);
CREATE INDEX appointments_by_slot ON appointments (service_day, service_id, slot_start);
CREATE INDEX appointments_open ON appointments (status, slot_start);
CREATE INDEX appointments_erase ON appointments (erase_after) WHERE erased_at IS NULL;

CREATE TABLE appointment_phones (
  code TEXT PRIMARY KEY REFERENCES appointments (code),
  phone TEXT NOT NULL
);

-- The admin's rules: per field (JSON AppointmentRules) and center-wide (JSON AppointmentSettings).
CREATE TABLE appointment_rules (
  service_id TEXT PRIMARY KEY,
  rules TEXT NOT NULL
);
CREATE TABLE appointment_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL
);

-- A checked-in booking's ticket is due at its slot start (routing calls it then, ahead of walk-ins).
ALTER TABLE tickets ADD COLUMN appointment_at INTEGER;
