-- Server secrets, one row, made once from crypto-random bytes by the server at start (store/secrets.ts).
-- Kept in the database so a restart and a backup restore keep them: the rating key on a printed ticket stays valid.
CREATE TABLE secrets (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  rating_key BLOB NOT NULL CHECK (length(rating_key) >= 32)
);
