-- Client leads: submissions are processed by their own statement-level
-- trigger (not raw.tg_ingest: a lead is neither a company nor a person
-- payload), and leads are linked to people and companies as they arrive.
CREATE OR REPLACE TRIGGER client_leads AFTER INSERT ON raw.client_lead_payloads
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client.tg_lead_intake();
CREATE OR REPLACE TRIGGER client_leads_link AFTER INSERT ON core.people
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client.tg_link_people();
CREATE OR REPLACE TRIGGER client_leads_link AFTER INSERT ON core.companies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client.tg_link_companies();
