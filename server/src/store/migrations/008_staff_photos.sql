-- Bumped on every photo upload or removal, so the rating tablet's photo URL changes and the browser fetches it anew.
ALTER TABLE users ADD COLUMN photo_version INTEGER;
