-- Tickets whose paper did not come out (printer fault), so staff can list and reprint them; few rows, so a partial index.
CREATE INDEX tickets_unprinted ON tickets (service_day, issued_at) WHERE printed = 0;
