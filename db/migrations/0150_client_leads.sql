-- depends: 0014_priority_companies
-- Client leads (the existing system's client.leads): form submissions of
-- client companies, delivered to raw.client_lead_payloads (workflow
-- 'client-leads'), one client.leads row each, linked to core.people and
-- core.companies. API keys may be bound to one client domain; row-level
-- security on the raw table and client.leads keeps each client to its own rows.

ALTER TABLE reference.api_keys ADD COLUMN client_domain text;
ALTER TABLE reference.api_keys ADD CONSTRAINT api_keys_client_scope
  CHECK (client_domain IS NULL OR (scope IN ('ingest', 'query') AND client_domain = lower(client_domain))) NOT VALID;
ALTER TABLE reference.api_keys VALIDATE CONSTRAINT api_keys_client_scope;
COMMENT ON COLUMN reference.api_keys.client_domain IS 'The client (normalized domain) an ingest or query key is bound to: such a key reads and writes only that client''s leads (row-level security via hq.client_domain). NULL: not bound.';

-- a third kind of workflow: client lead forms are neither company nor person
-- payloads, and are processed by their own trigger (client.tg_lead_intake)
-- squawk-ignore ban-drop-constraint -- replaced at once by a wider check (the old values stay valid)
ALTER TABLE reference.enrichment_workflow_registry DROP CONSTRAINT enrichment_workflow_registry_entity_type_check;
ALTER TABLE reference.enrichment_workflow_registry ADD CONSTRAINT enrichment_workflow_registry_entity_type_check
  CHECK (entity_type IN ('company', 'person', 'client_lead')) NOT VALID;
ALTER TABLE reference.enrichment_workflow_registry VALIDATE CONSTRAINT enrichment_workflow_registry_entity_type_check;

-- squawk-ignore prefer-identity -- raw tables share one layout with uuid ids (contract)
CREATE TABLE raw.client_lead_payloads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_domain text,
  workflow_slug text NOT NULL DEFAULT 'client-leads',
  provider text, platform text, payload_type text,
  raw_payload jsonb NOT NULL,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed', 'skipped')),
  extraction_error text,
  processed_at timestamptz);
CREATE INDEX client_lead_payloads_key_idx ON raw.client_lead_payloads USING hash (client_domain);
CREATE INDEX client_lead_payloads_unprocessed_idx ON raw.client_lead_payloads (workflow_slug, created_at) WHERE extraction_status IN ('pending', 'failed');
COMMENT ON TABLE raw.client_lead_payloads IS 'Client lead form submissions ({client_domain, client_form_id, client_form_title, person and company fields}), kept exactly as received; only status columns change. Row-level security: a client-bound key sees and writes only its client''s rows.';

CREATE TABLE client.leads (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  raw_id uuid NOT NULL UNIQUE,
  client_domain text NOT NULL,
  client_form_id text, client_form_title text,
  first_name text, last_name text, full_name text, email text, phone text, job_title text,
  linkedin_url text,
  company_name text, company_domain text, company_linkedin_url text,
  person_id uuid REFERENCES core.people (id) ON DELETE SET NULL,
  company_id uuid REFERENCES core.companies (id) ON DELETE SET NULL,
  submitted_at timestamptz NOT NULL,
  person_linked_at timestamptz, company_linked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX leads_client_idx ON client.leads (client_domain, id);
CREATE INDEX leads_unlinked_person_idx ON client.leads (linkedin_url) WHERE person_id IS NULL AND linkedin_url IS NOT NULL;
CREATE INDEX leads_unlinked_company_idx ON client.leads (company_domain) WHERE company_id IS NULL AND company_domain IS NOT NULL;
CREATE INDEX leads_person_idx ON client.leads (person_id);
CREATE INDEX leads_company_idx ON client.leads (company_id);
COMMENT ON TABLE client.leads IS 'One row per client lead form submission (raw.client_lead_payloads): person and company fields normalized, linked to core.people / core.companies once they exist (at ingest, or by trigger when they arrive). Row-level security by hq.client_domain.';
COMMENT ON COLUMN client.leads.submitted_at IS 'When the form submission was delivered (the raw row''s created_at).';

-- Row-level security. The table owner (hq_owner: the pipeline's SECURITY
-- DEFINER functions) is not subject to it; every other role is: the
-- transaction setting hq.client_domain (set by api.bind_api_key from a
-- verified key) is the client it may see, '*' all clients; unset, nothing.
ALTER TABLE client.leads ENABLE ROW LEVEL SECURITY;
CREATE POLICY leads_by_client ON client.leads
  USING (client_domain = current_setting('hq.client_domain', true) OR current_setting('hq.client_domain', true) = '*')
  WITH CHECK (client_domain = current_setting('hq.client_domain', true) OR current_setting('hq.client_domain', true) = '*');
COMMENT ON POLICY leads_by_client ON client.leads IS 'Rows of the client named by the transaction setting hq.client_domain (''*'': every client; unset: none).';

ALTER TABLE raw.client_lead_payloads ENABLE ROW LEVEL SECURITY;
CREATE POLICY client_lead_payloads_by_client ON raw.client_lead_payloads
  USING (client_domain = current_setting('hq.client_domain', true) OR current_setting('hq.client_domain', true) = '*')
  WITH CHECK (client_domain = current_setting('hq.client_domain', true) OR current_setting('hq.client_domain', true) = '*');
COMMENT ON POLICY client_lead_payloads_by_client ON raw.client_lead_payloads IS 'Submissions for the client named by hq.client_domain (''*'': every client; unset: none); compared as stored, so api.ingest_client_lead stores the domain normalized.';

INSERT INTO reference.enrichment_workflow_registry
  (workflow_slug, provider, platform, payload_type, entity_type, source, raw_table, extracted_table, core_tables,
   key_column, payload_key, coalesces_to_core, description)
VALUES ('client-leads', 'client', 'webform', 'client_lead', 'client_lead', 'client', 'raw.client_lead_payloads', NULL, '{}',
        'client_domain', 'client_domain', false, 'Client lead form submissions -> client.leads (POST /api/client/leads)');

-- api.create_api_key gains p_client_domain: drop the two-argument form so
-- two-argument calls are not ambiguous (it is re-created on every deploy)
-- squawk-ignore ban-drop-function -- replaced by the three-argument form in db/functions/api
DROP FUNCTION IF EXISTS api.create_api_key(text, text);
