-- When a center's key was issued (a lost key is replaced by a new one; the old stops working), and when a city
-- account was created (the city admin creates viewer accounts from the city screens).
ALTER TABLE centers ADD COLUMN key_issued_at timestamptz;
UPDATE centers SET key_issued_at = created_at;
ALTER TABLE centers ALTER COLUMN key_issued_at SET DEFAULT now();
ALTER TABLE accounts ADD COLUMN created_at timestamptz;
ALTER TABLE accounts ALTER COLUMN created_at SET DEFAULT now();
