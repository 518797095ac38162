-- The center's link to the city hub when its admin sets it on the admin page (docs/hub.md): the address and the key
-- beside the server's other secrets (migration 009), in the database so a restart keeps them. QMS_HUB_URL and
-- QMS_HUB_KEY in the environment win over these.
ALTER TABLE secrets ADD COLUMN hub_url TEXT;
ALTER TABLE secrets ADD COLUMN hub_key TEXT;
