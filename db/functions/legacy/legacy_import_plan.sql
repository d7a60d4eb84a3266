CREATE OR REPLACE FUNCTION core.legacy_import_plan()
RETURNS TABLE (ord integer, legacy_table text, kind text, inner_sql text, note text)
LANGUAGE sql
IMMUTABLE
AS $$
  -- What hq import-legacy reads from a database laid out as the existing
  -- system's schema, in import order: curated lookups first (payloads then
  -- match against them at ingest), companies before people, company
  -- customers after the payloads they may come from, client leads last (so
  -- they link to the people just imported). inner_sql runs on the legacy
  -- database and shapes each row as (legacy_id, created_at, workflow_slug,
  -- key_value, payload text); kind says what HQ does with it
  -- (core.legacy_import_batch). Legacy payloads go in as received; rows of
  -- flat tables (no raw_payload column) become their payload, minus the
  -- legacy bookkeeping columns. Kind 'not_imported' tables are counted and
  -- listed in the report with the note.
  SELECT v.ord, v.legacy_table, v.kind, v.inner_sql, v.note FROM (VALUES
  (1, 'reference.job_title_lookup', 'job_titles',
   $q$SELECT t.latest_title AS legacy_id, NULL::timestamptz AS created_at, NULL::text AS workflow_slug, t.latest_title AS key_value, to_jsonb(t)::text AS payload FROM reference.job_title_lookup t WHERE t.latest_title IS NOT NULL$q$,
   'curated job titles -> reference.job_title_lookup'),
  (2, 'reference.location_lookup', 'locations',
   $q$SELECT t.location_name AS legacy_id, NULL::timestamptz AS created_at, NULL::text AS workflow_slug, t.location_name AS key_value, to_jsonb(t)::text AS payload FROM reference.location_lookup t WHERE t.location_name IS NOT NULL$q$,
   'curated locations -> reference.location_lookup'),
  (10, 'raw.company_discovery', 'payload',
   $q$SELECT t.id::text AS legacy_id, t.created_at, t.workflow_slug, t.company_domain AS key_value, t.raw_payload::text AS payload FROM raw.company_discovery t$q$, NULL),
  (11, 'raw.company_payloads', 'payload',
   $q$SELECT t.id::text AS legacy_id, t.created_at, t.workflow_slug, t.company_domain AS key_value, t.raw_payload::text AS payload FROM raw.company_payloads t$q$, NULL),
  (12, 'raw.vc_portfolio_companies', 'payload',
   $q$SELECT t.id::text AS legacy_id, t.created_at, 'vc-portfolio'::text AS workflow_slug, t.website_domain AS key_value, (jsonb_strip_nulls(to_jsonb(t) - '{id,upload_id,vc_firm_id,created_at}'::text[]) || jsonb_strip_nulls(jsonb_build_object('vc_firm_name', f.name, 'vc_firm_domain', f.domain)))::text AS payload FROM raw.vc_portfolio_companies t LEFT JOIN raw.vc_firms f ON f.id = t.vc_firm_id$q$,
   'flat rows (with their VC firm) as vc-portfolio payloads'),
  (13, 'raw.vc_crunchbase_portfolios', 'payload',
   $q$SELECT t.id::text AS legacy_id, t.created_at, 'vc-portfolio'::text AS workflow_slug, t.website AS key_value, jsonb_strip_nulls(jsonb_build_object('company_name', t.name, 'website_domain', t.website, 'status', t.operating_status, 'founded_date', t.founded_date, 'description_long', t.full_description, 'description_short', t.short_description, 'city', t.city, 'state', t.state, 'country', t.country, 'employee_count', t.number_employees, 'linkedin_url', t.linkedin_url, 'vc_firm_name', t.vc_name, 'vc_firm_domain', t.vc_domain))::text AS payload FROM raw.vc_crunchbase_portfolios t$q$,
   'flat Crunchbase portfolio rows, columns renamed to the vc-portfolio payload'),
  (14, 'raw.company_customer_claygent_payloads', 'payload',
   $q$SELECT t.id::text AS legacy_id, t.created_at, t.workflow_slug, t.origin_company_domain AS key_value, (CASE WHEN jsonb_typeof(t.raw_payload) = 'object' THEN jsonb_strip_nulls(jsonb_build_object('origin_company_domain', t.origin_company_domain, 'origin_company_name', t.origin_company_name, 'origin_company_linkedin_url', t.origin_company_linkedin_url)) || t.raw_payload ELSE t.raw_payload END)::text AS payload FROM raw.company_customer_claygent_payloads t$q$,
   'origin company columns added to the payload where it lacks them'),
  (15, 'raw.manual_company_customers', 'payload',
   $q$SELECT t.id::text AS legacy_id, t.created_at, 'manual-company-customers'::text AS workflow_slug, t.origin_company_domain AS key_value, jsonb_strip_nulls(to_jsonb(t) - '{id,created_at,updated_at}'::text[])::text AS payload FROM raw.manual_company_customers t$q$,
   'flat rows as manual-company-customers payloads'),
  (16, 'raw.case_study_extraction_payloads', 'payload',
   $q$SELECT t.id::text AS legacy_id, t.created_at, t.workflow_slug, t.origin_company_domain AS key_value, (CASE WHEN jsonb_typeof(t.raw_payload) = 'object' THEN jsonb_strip_nulls(jsonb_build_object('origin_company_domain', t.origin_company_domain, 'origin_company_name', t.origin_company_name, 'case_study_url', t.case_study_url, 'company_customer_name', t.company_customer_name, 'has_case_study_url', t.has_case_study_url)) || t.raw_payload ELSE t.raw_payload END)::text AS payload FROM raw.case_study_extraction_payloads t$q$,
   'case study columns added to the payload where it lacks them'),
  (17, 'raw.icp_payloads', 'payload',
   $q$SELECT t.id::text AS legacy_id, t.created_at, t.workflow_slug, t.domain AS key_value, t.raw_payload::text AS payload FROM raw.icp_payloads t$q$, NULL),
  (20, 'raw.person_discovery', 'payload',
   $q$SELECT t.id::text AS legacy_id, t.created_at, t.workflow_slug, t.linkedin_url AS key_value, t.raw_payload::text AS payload FROM raw.person_discovery t$q$, NULL),
  (21, 'raw.person_payloads', 'payload',
   $q$SELECT t.id::text AS legacy_id, t.created_at, t.workflow_slug, t.linkedin_url AS key_value, t.raw_payload::text AS payload FROM raw.person_payloads t$q$, NULL),
  (22, 'raw.salesnav_scrapes', 'payload',
   $q$SELECT t.id::text AS legacy_id, t.created_at, 'salesnav-export'::text AS workflow_slug, t.linkedin_url_user_profile AS key_value, jsonb_strip_nulls(to_jsonb(t) - '{id,upload_id,created_at,clay_batch_number,sent_to_clay_at}'::text[])::text AS payload FROM raw.salesnav_scrapes t$q$,
   'flat Sales Navigator rows as salesnav-export rows'),
  (30, 'public.top_priority_companies', 'priority',
   $q$SELECT coalesce(to_jsonb(t) ->> 'id', t.domain, t.company_name) AS legacy_id, (to_jsonb(t) ->> 'created_at')::timestamptz AS created_at, NULL::text AS workflow_slug, t.domain AS key_value, to_jsonb(t)::text AS payload FROM public.top_priority_companies t$q$,
   'work list -> core.priority_companies (source legacy)'),
  (31, 'core.company_customers', 'customers',
   $q$SELECT coalesce(to_jsonb(t) ->> 'id', concat_ws('|', to_jsonb(t) ->> 'origin_company_domain', to_jsonb(t) ->> 'customer_name', to_jsonb(t) ->> 'customer_domain')) AS legacy_id, (to_jsonb(t) ->> 'created_at')::timestamptz AS created_at, NULL::text AS workflow_slug, to_jsonb(t) ->> 'origin_company_domain' AS key_value, to_jsonb(t)::text AS payload FROM core.company_customers t$q$,
   'customers with no raw payload behind them -> core.company_customers (source legacy)'),
  (32, 'reference.company_customers', 'customers',
   $q$SELECT t.id::text AS legacy_id, t.created_at, NULL::text AS workflow_slug, t.domain AS key_value, to_jsonb(t)::text AS payload FROM reference.company_customers t$q$,
   'customers with no raw payload behind them -> core.company_customers (source legacy)'),
  (40, 'client.leads', 'payload',
   $q$SELECT coalesce(to_jsonb(t) ->> 'id', md5(to_jsonb(t)::text)) AS legacy_id, (to_jsonb(t) ->> 'created_at')::timestamptz AS created_at, 'client-leads'::text AS workflow_slug, to_jsonb(t) ->> 'client_domain' AS key_value, jsonb_strip_nulls(to_jsonb(t) - '{id,created_at,updated_at}'::text[])::text AS payload FROM client.leads t$q$,
   'client lead form submissions as client-leads payloads'),
  (90, 'raw.email_waterfall_jobs', 'not_imported',
   $q$SELECT t.id::text AS legacy_id, t.created_at, NULL::text AS workflow_slug, NULL::text AS key_value, NULL::text AS payload FROM raw.email_waterfall_jobs t$q$,
   'job tracking of the existing system, not provider payloads'),
  (91, 'raw.vc_firms', 'not_imported',
   $q$SELECT t.id::text AS legacy_id, t.created_at, NULL::text AS workflow_slug, NULL::text AS key_value, NULL::text AS payload FROM raw.vc_firms t$q$,
   'read with raw.vc_portfolio_companies (firm name and domain in each payload)')
  ) AS v(ord, legacy_table, kind, inner_sql, note)
  ORDER BY v.ord;
$$;
COMMENT ON FUNCTION core.legacy_import_plan() IS 'hq import-legacy: each legacy table, in import order, with the query (run on the legacy database) that shapes its rows and what HQ does with them.';
