-- How far the event log has been pushed to the city hub (server/src/hub-sync). In the database, not beside it, so a
-- restore from an old backup rewinds it too: the restored center pushes its history again from there and the hub,
-- holding other events under the same ids, keeps both and flags the center (docs/hub.md).
CREATE TABLE hub_sync (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pushed_through INTEGER NOT NULL
);
