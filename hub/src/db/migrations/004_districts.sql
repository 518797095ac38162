-- Centers grouped by district (quận, huyện, or any grouping the city office uses) for the city report's per-district
-- figures. Optional: a center without one is reported under "no district".
ALTER TABLE centers ADD COLUMN district text;
