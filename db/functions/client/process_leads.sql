CREATE OR REPLACE FUNCTION client.process_leads(p_ids uuid[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Client lead form submissions (rows p_ids of raw.client_lead_payloads) ->
-- client.leads, set-based: the payload must be a JSON object (a JSON string
-- holding one is unwrapped) with a client_domain that is a domain, and its
-- person/company fields strings or numbers; each valid row becomes (or, on
-- replay, updates) one lead, normalized (LinkedIn URL, company domain) and
-- linked to the core.people / core.companies rows that already exist
-- (client.tg_link_* link the others when they arrive). Raw rows get their
-- status, the normalized client domain and the registry's provider columns.
-- Field aliases are the existing system's names (client.lead_fields).
-- Returns rows processed.
DECLARE
  v_rows integer;
BEGIN
  IF to_regclass('pg_temp.hq_client_batch') IS NULL THEN
    CREATE TEMP TABLE hq_client_batch (id uuid, client_domain text, payload jsonb, error text, created_at timestamptz) ON COMMIT DROP;
  END IF;
  TRUNCATE pg_temp.hq_client_batch;

  INSERT INTO pg_temp.hq_client_batch (id, client_domain, payload, error, created_at)
  WITH p AS MATERIALIZED (
    SELECT t.id, t.created_at,
           coalesce(NULLIF(btrim(t.client_domain), ''),
                    CASE WHEN jsonb_typeof(pl.payload) = 'object' THEN pl.payload ->> 'client_domain' END) AS key_text,
           pl.payload
    FROM raw.client_lead_payloads t
    CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(t.raw_payload) = 'string' THEN core.try_parse_jsonb(t.raw_payload #>> '{}')
                                    ELSE t.raw_payload END AS payload) pl
    WHERE t.id = ANY (p_ids)
  ), e AS (  -- person/company fields of the wrong JSON type, all named in one message
    SELECT p.id, string_agg(format('field %s: expected a string, got %s', f.name, jsonb_typeof(p.payload -> f.name)), '; '
                            ORDER BY f.name) AS error
    FROM p CROSS JOIN unnest(client.lead_fields()) AS f(name)
    WHERE jsonb_typeof(p.payload) = 'object' AND jsonb_typeof(p.payload -> f.name) NOT IN ('string', 'number', 'null')
    GROUP BY p.id
  )
  SELECT p.id, core.normalize_domain(p.key_text), p.payload,
         CASE WHEN p.payload IS NULL THEN 'raw_payload: a JSON string that does not contain valid JSON'
              WHEN jsonb_typeof(p.payload) <> 'object' THEN 'raw_payload: expected a JSON object, got ' || jsonb_typeof(p.payload)
              WHEN p.key_text IS NULL THEN 'client_domain: missing'
              WHEN core.normalize_domain(p.key_text) IS NULL
                THEN 'client_domain: ' || quote_literal(left(p.key_text, 200)) || ' is not a domain'
              ELSE e.error END,
         p.created_at
  FROM p LEFT JOIN e ON e.id = p.id;
  -- the batch's real size for the statements below: unanalyzed, the temp table is
  -- estimated from its pages, and a one-lead webhook would hash-join a scan of the raw table
  ANALYZE pg_temp.hq_client_batch;

  INSERT INTO client.leads AS l (raw_id, client_domain, client_form_id, client_form_title, first_name, last_name, full_name,
         email, phone, job_title, linkedin_url, company_name, company_domain, company_linkedin_url,
         person_id, company_id, submitted_at, person_linked_at, company_linked_at)
  SELECT b.id, b.client_domain, v.form_id, v.form_title, v.first_name, v.last_name,
         coalesce(v.full_name, NULLIF(concat_ws(' ', v.first_name, v.last_name), '')),
         v.email, v.phone, v.job_title, v.linkedin_url, v.company_name, v.company_domain, v.company_linkedin_url,
         pe.id, co.id, b.created_at, CASE WHEN pe.id IS NOT NULL THEN now() END, CASE WHEN co.id IS NOT NULL THEN now() END
  FROM pg_temp.hq_client_batch b
  CROSS JOIN LATERAL (
    SELECT NULLIF(btrim(b.payload ->> 'client_form_id'), '') AS form_id,
           NULLIF(btrim(b.payload ->> 'client_form_title'), '') AS form_title,
           NULLIF(btrim(b.payload ->> 'first_name'), '') AS first_name,
           NULLIF(btrim(b.payload ->> 'last_name'), '') AS last_name,
           NULLIF(btrim(coalesce(b.payload ->> 'full_name', b.payload ->> 'name')), '') AS full_name,
           NULLIF(lower(btrim(coalesce(b.payload ->> 'email', b.payload ->> 'work_email'))), '') AS email,
           NULLIF(btrim(coalesce(b.payload ->> 'phone', b.payload ->> 'phone_number')), '') AS phone,
           NULLIF(btrim(coalesce(b.payload ->> 'job_title', b.payload ->> 'title')), '') AS job_title,
           CASE WHEN u.person_url LIKE 'https://www.linkedin.com/in/%' THEN u.person_url END AS linkedin_url,
           NULLIF(btrim(coalesce(b.payload ->> 'company_name', b.payload ->> 'company')), '') AS company_name,
           core.normalize_domain(coalesce(b.payload ->> 'company_domain', b.payload ->> 'company_website', b.payload ->> 'domain')) AS company_domain,
           CASE WHEN u.company_url LIKE 'https://www.linkedin.com/company/%' THEN u.company_url END AS company_linkedin_url
    FROM (SELECT core.normalize_linkedin_url(coalesce(b.payload ->> 'linkedin_url', b.payload ->> 'person_linkedin_url')) AS person_url,
                 core.normalize_linkedin_url(b.payload ->> 'company_linkedin_url') AS company_url) u) v
  LEFT JOIN core.people pe ON pe.linkedin_url = v.linkedin_url
  LEFT JOIN core.companies co ON co.domain = v.company_domain
  WHERE b.error IS NULL
  ON CONFLICT (raw_id) DO UPDATE SET client_domain = excluded.client_domain, client_form_id = excluded.client_form_id,
    client_form_title = excluded.client_form_title, first_name = excluded.first_name, last_name = excluded.last_name,
    full_name = excluded.full_name, email = excluded.email, phone = excluded.phone, job_title = excluded.job_title,
    linkedin_url = excluded.linkedin_url, company_name = excluded.company_name, company_domain = excluded.company_domain,
    company_linkedin_url = excluded.company_linkedin_url,
    person_id = excluded.person_id, company_id = excluded.company_id,
    person_linked_at = CASE WHEN excluded.person_id IS NOT DISTINCT FROM l.person_id THEN l.person_linked_at ELSE excluded.person_linked_at END,
    company_linked_at = CASE WHEN excluded.company_id IS NOT DISTINCT FROM l.company_id THEN l.company_linked_at ELSE excluded.company_linked_at END;

  UPDATE raw.client_lead_payloads t
     SET client_domain = coalesce(b.client_domain, t.client_domain),
         provider = coalesce(t.provider, r.provider), platform = coalesce(t.platform, r.platform),
         payload_type = coalesce(t.payload_type, r.payload_type),
         extraction_status = CASE WHEN b.error IS NULL THEN 'extracted' ELSE 'failed' END,
         extraction_error = b.error, processed_at = now()
    FROM pg_temp.hq_client_batch b, reference.enrichment_workflow_registry r
   WHERE t.id = b.id AND r.workflow_slug = t.workflow_slug;

  SELECT count(*) INTO v_rows FROM pg_temp.hq_client_batch;
  RETURN v_rows;
END;
$$;
COMMENT ON FUNCTION client.process_leads(uuid[]) IS
  'Raw client lead submissions -> client.leads (validated set-based, normalized, linked to existing people/companies); statuses on the raw rows.';
