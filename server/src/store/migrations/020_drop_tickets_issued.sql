-- No query reads tickets by issue time alone (the day's lists go by service day; reports read tickets_report): the
-- index only cost a page write on every issue.
DROP INDEX tickets_issued;
