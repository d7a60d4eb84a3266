-- Client leads: submissions are processed by their own statement-level
-- trigger (not raw.tg_ingest: a lead is neither a company nor a person
-- payload), and leads are linked to people and companies as they arrive.
CREATE OR REPLACE TRIGGER client_leads AFTER INSERT ON raw.client_lead_payloads
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client.tg_lead_intake();
CREATE OR REPLACE TRIGGER client_leads_link AFTER INSERT ON core.people
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client.tg_link_people();
CREATE OR REPLACE TRIGGER client_leads_link AFTER INSERT ON core.companies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client.tg_link_companies();
COMMENT ON TRIGGER client_leads ON raw.client_lead_payloads IS 'Client lead submissions -> client.leads, per statement (client.tg_lead_intake).';
COMMENT ON TRIGGER client_leads_link ON core.people IS 'Links waiting client leads to people as they arrive (client.tg_link_people).';
COMMENT ON TRIGGER client_leads_link ON core.companies IS 'Links waiting client leads to companies as they arrive (client.tg_link_companies).';
