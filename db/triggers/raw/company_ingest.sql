-- Company payloads are processed in the inserting statement, set-based.
CREATE OR REPLACE TRIGGER ingest AFTER INSERT ON raw.company_payloads
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_company_ingest();
CREATE OR REPLACE TRIGGER ingest AFTER INSERT ON raw.company_discovery
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_company_ingest();
