-- Which LED board shows which counter: the bus (`hardware.ledBoards[].id`, default led-1, led-2…) and the board's
-- address. Seeded from the machine's hardware file on the first start with this table empty, then set from the admin
-- page. A row with a NULL address is a counter set to "no board" (so the file does not seed it again).
CREATE TABLE led_addresses (
  counter_id INTEGER PRIMARY KEY REFERENCES counters(id),
  bus TEXT NOT NULL,
  address INTEGER
);
CREATE UNIQUE INDEX led_addresses_bus_address ON led_addresses (bus, address) WHERE address IS NOT NULL;
