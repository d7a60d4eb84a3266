-- Every raw table of the registry is processed in the inserting statement,
-- set-based, by one statement-level trigger function.
DROP FUNCTION IF EXISTS raw.tg_company_ingest() CASCADE;  -- its name before 0008
CREATE OR REPLACE TRIGGER ingest AFTER INSERT ON raw.company_payloads
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_ingest();
CREATE OR REPLACE TRIGGER ingest AFTER INSERT ON raw.company_discovery
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_ingest();
CREATE OR REPLACE TRIGGER ingest AFTER INSERT ON raw.company_customer_claygent_payloads
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_ingest();
CREATE OR REPLACE TRIGGER ingest AFTER INSERT ON raw.manual_company_customers
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_ingest();
CREATE OR REPLACE TRIGGER ingest AFTER INSERT ON raw.vc_portfolio_companies
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_ingest();
CREATE OR REPLACE TRIGGER ingest AFTER INSERT ON raw.case_study_extraction_payloads
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_ingest();
CREATE OR REPLACE TRIGGER ingest AFTER INSERT ON raw.icp_payloads
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_ingest();
CREATE OR REPLACE TRIGGER ingest AFTER INSERT ON raw.person_payloads
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_ingest();
CREATE OR REPLACE TRIGGER ingest AFTER INSERT ON raw.person_discovery
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_ingest();
CREATE OR REPLACE TRIGGER ingest AFTER INSERT ON raw.salesnav_scrapes
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_ingest();
