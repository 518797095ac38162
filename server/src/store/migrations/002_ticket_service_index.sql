-- Per-service counts of a day (issued today, waiting now, recent service times) without scanning the day.
CREATE INDEX tickets_day_service ON tickets (service_day, service_id, status);
