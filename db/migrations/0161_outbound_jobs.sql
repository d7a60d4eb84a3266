-- depends: 0160_procrastinate
-- Outbound work run by `hq worker`: similar-companies batches (CompanyEnrich),
-- the Sales Navigator -> Clay relay outbox, the shared rate limiter, and the
-- error text of every failed job attempt (procrastinate keeps attempts and
-- events, not errors).

-- similar companies: one API response per domain is a raw row of its own workflow
CREATE TABLE raw.company_enrich_similar_raw (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  domain text,
  workflow_slug text NOT NULL,
  provider text, platform text, payload_type text,
  raw_payload jsonb NOT NULL,
  idempotency_key text UNIQUE,
  batch_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed', 'skipped')),
  extraction_error text,
  processed_at timestamptz);
CREATE INDEX company_enrich_similar_raw_key_idx ON raw.company_enrich_similar_raw USING hash (domain);
CREATE INDEX company_enrich_similar_raw_unprocessed_idx ON raw.company_enrich_similar_raw (workflow_slug, created_at) WHERE extraction_status IN ('pending', 'failed');
COMMENT ON TABLE raw.company_enrich_similar_raw IS 'CompanyEnrich similar-companies responses, one per queried domain (key: the queried domain). Payload kept exactly as received; only status columns change.';
COMMENT ON COLUMN raw.company_enrich_similar_raw.batch_id IS 'The raw.company_enrich_similar_batches batch that fetched it (NULL when posted to /ingest).';

CREATE TABLE extracted.company_enrich_similar (
  source_domain text NOT NULL,
  similar_domain text NOT NULL,
  position int NOT NULL,
  name text,
  raw_id uuid NOT NULL,
  payload jsonb NOT NULL,
  extracted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source_domain, similar_domain));
CREATE INDEX company_enrich_similar_similar_idx ON extracted.company_enrich_similar (similar_domain);
COMMENT ON TABLE extracted.company_enrich_similar IS 'One row per (queried domain, similar company) of the latest response; each similar company also goes through the company pipeline as workflow company-enrich-similar-company.';

CREATE TABLE raw.company_enrich_similar_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'cancelled')),
  total int NOT NULL DEFAULT 0,
  refetch boolean NOT NULL DEFAULT false,
  page_size int NOT NULL DEFAULT 25,
  error_message text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz);
COMMENT ON TABLE raw.company_enrich_similar_batches IS 'A similar-companies batch (POST /api/companies/similar): status, size, timing; per-domain state is in raw.company_enrich_similar_batch_items.';

CREATE TABLE raw.company_enrich_similar_batch_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES raw.company_enrich_similar_batches (id) ON DELETE CASCADE,
  domain text NOT NULL,
  input text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed', 'cancelled')),
  attempts int NOT NULL DEFAULT 0,
  http_status int,
  error text,
  raw_id uuid,
  response jsonb,
  reused boolean NOT NULL DEFAULT false,
  job_id bigint,
  finished_at timestamptz,
  UNIQUE (batch_id, domain));
CREATE INDEX company_enrich_similar_items_open_idx ON raw.company_enrich_similar_batch_items (batch_id) WHERE status = 'pending';
CREATE INDEX company_enrich_similar_items_domain_idx ON raw.company_enrich_similar_batch_items (domain) WHERE status = 'pending';
CREATE INDEX company_enrich_similar_items_job_idx ON raw.company_enrich_similar_batch_items (job_id);
COMMENT ON TABLE raw.company_enrich_similar_batch_items IS 'Per-domain state of a similar-companies batch: pending, done (raw_id; reused = answered from an earlier fetch), failed (error, http_status) or cancelled; job_id is its procrastinate job.';
COMMENT ON COLUMN raw.company_enrich_similar_batch_items.response IS 'A provider answer received but not yet stored as a raw row (committed the moment it arrives, so a worker killed while the pipeline runs never fetches it again); cleared once stored.';

-- Sales Navigator -> Clay relay
CREATE TABLE raw.salesnav_exports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ingest_batch_id text NOT NULL,
  webhook_url text NOT NULL,
  export_title text,
  export_timestamp text,
  notes text,
  rate_per_second numeric NOT NULL CHECK (rate_per_second > 0),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'stopped')),
  error_message text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz);
COMMENT ON TABLE raw.salesnav_exports IS 'A Sales Navigator export relayed to a Clay webhook (POST /api/salesnav/exports); its rows are stored in raw.salesnav_scrapes (idempotency keys <ingest_batch_id>:<line>) and queued in raw.salesnav_clay_outbox. stopped = the webhook refused a row (4xx other than 429): error_message says which and why.';

CREATE TABLE raw.salesnav_clay_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  export_id uuid NOT NULL REFERENCES raw.salesnav_exports (id) ON DELETE CASCADE,
  row_num int NOT NULL,
  raw_id uuid,
  payload jsonb NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  http_status int,
  last_error text,
  sent_to_clay_at timestamptz,
  job_id bigint,
  UNIQUE (export_id, row_num),
  CONSTRAINT salesnav_clay_outbox_sent CHECK ((status = 'sent') = (sent_to_clay_at IS NOT NULL)));
CREATE INDEX salesnav_clay_outbox_pending_idx ON raw.salesnav_clay_outbox (export_id) WHERE status = 'pending';
COMMENT ON TABLE raw.salesnav_clay_outbox IS 'One row per export row to deliver to Clay: sent_to_clay_at is set once, by the first 2xx; the idempotency key (<export id>:<line>) travels with every attempt so Clay can drop duplicates.';

-- the shared rate limiter: one row per outbound target; each request reserves the next slot
CREATE TABLE core.outbound_rate_limits (
  name text PRIMARY KEY,
  next_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now());
COMMENT ON TABLE core.outbound_rate_limits IS 'Next free request slot per outbound target (companyenrich, salesnav-export:<id>): workers reserve slots with api.outbound_slot, so the rate holds across worker processes and concurrency, and a Retry-After pushes every worker back.';

CREATE TABLE core.job_errors (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id bigint NOT NULL,
  attempt int NOT NULL,
  error text NOT NULL,
  http_status int,
  retry_in_seconds numeric,
  created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX job_errors_job_idx ON core.job_errors (job_id, attempt);
COMMENT ON TABLE core.job_errors IS 'The error of each failed job attempt (procrastinate.procrastinate_jobs.id, attempt number from 1), with the HTTP status and the retry delay chosen.';

-- "last enriched, by which workflow" per entity
CREATE INDEX enrichment_runs_entity_idx ON reference.enrichment_runs (entity_key, completed_at DESC);

-- "one field from a lead": one partial index per missing field (keyset pages by linkedin_url)
CREATE INDEX people_full_missing_seniority_idx ON core.people_full (linkedin_url)
  WHERE company_domain IS NOT NULL AND seniority IS NULL AND job_function IS NOT NULL AND country IS NOT NULL;
CREATE INDEX people_full_missing_job_function_idx ON core.people_full (linkedin_url)
  WHERE company_domain IS NOT NULL AND job_function IS NULL AND seniority IS NOT NULL AND country IS NOT NULL;
CREATE INDEX people_full_missing_country_idx ON core.people_full (linkedin_url)
  WHERE company_domain IS NOT NULL AND country IS NULL AND job_function IS NOT NULL AND seniority IS NOT NULL;
CREATE INDEX people_full_person_complete_idx ON core.people_full (company_domain, linkedin_url)
  WHERE company_domain IS NOT NULL AND country IS NOT NULL AND job_function IS NOT NULL AND seniority IS NOT NULL;
CREATE INDEX companies_full_missing_name_idx ON core.companies_full (domain) WHERE name IS NULL AND country IS NOT NULL;
CREATE INDEX companies_full_missing_country_idx ON core.companies_full (domain) WHERE country IS NULL AND name IS NOT NULL;

-- the workflows
INSERT INTO reference.enrichment_workflow_registry
  (workflow_slug, provider, platform, payload_type, entity_type, source, raw_table, extracted_table, core_tables, key_column, payload_key, coalesces_to_core, description) VALUES
  ('company-enrich-similar', 'companyenrich', 'companyenrich', 'similar_companies', 'company', 'companyenrich',
   'raw.company_enrich_similar_raw', 'extracted.company_enrich_similar', '{core.companies}', 'domain', 'domain', true,
   'CompanyEnrich similar companies of a domain (one response per queried domain); each similar company is processed as company-enrich-similar-company'),
  ('company-enrich-similar-company', 'companyenrich', 'companyenrich', 'company_profile', 'company', 'companyenrich',
   'raw.company_enrich_similar_raw', 'extracted.company_profile',
   '{core.company_names,core.company_employee_ranges,core.company_types,core.company_locations,core.company_industries,core.company_revenue,core.company_descriptions,core.company_keywords,core.company_categories,core.company_tech_on_site,core.company_naics_codes,core.company_funding_rounds,core.company_vc_investors,core.company_social_urls}',
   'domain', 'domain', true,
   'A company listed in a CompanyEnrich similar-companies response (same shape as companyenrich-company); its rows come from company-enrich-similar responses, never posted on their own');
-- a similar company has the shape of a CompanyEnrich company profile: same field map
INSERT INTO reference.workflow_field_map (workflow_slug, target, json_path, expected_type)
SELECT 'company-enrich-similar-company', m.target, m.json_path, m.expected_type
FROM reference.workflow_field_map m WHERE m.workflow_slug = 'companyenrich-company';
