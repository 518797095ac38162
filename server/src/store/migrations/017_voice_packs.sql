-- The center's recorded voice packs (the voice studio). Clip files live in the data folder, voice/packs/<id>/<clip>.wav;
-- these rows hold their loudness figures. voice_active has one row: the pack the halls speak with (NULL: the default).
CREATE TABLE voice_packs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  activated_at TEXT
);
CREATE TABLE voice_clips (
  pack_id INTEGER NOT NULL REFERENCES voice_packs(id),
  clip TEXT NOT NULL,
  lufs REAL NOT NULL,
  peak_db REAL NOT NULL,
  input_lufs REAL NOT NULL,
  seconds REAL NOT NULL,
  bytes INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users(id),
  PRIMARY KEY (pack_id, clip)
);
CREATE TABLE voice_active (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pack_id INTEGER REFERENCES voice_packs(id),
  changed_at TEXT
);
INSERT INTO voice_active (id, pack_id, changed_at) VALUES (1, NULL, NULL);
