CREATE OR REPLACE FUNCTION core.process_case_studies(p_ids uuid[], p_slugs text[], p_domains text[], p_payloads jsonb[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- case-study-extraction payloads of a batch (after core.company_customers is
-- written): one extracted.case_study_details row per (origin, URL, customer),
-- its customer domain given or as matched in core.company_customers; its
-- champions replaced as a set and linked to the one person of that name
-- (core.person_name_key) who works or worked at the customer company.
DECLARE
  v_ids uuid[];
  v_raw uuid[];
  v_customers text[];
  v_origins text[];
BEGIN
  WITH d AS (
    INSERT INTO extracted.case_study_details AS t (raw_id, origin_company_domain, origin_company_name, case_study_url,
           customer_name, customer_domain, article_title, confidence, reasoning)
    SELECT DISTINCT ON (u.domain, NULLIF(btrim(u.payload ->> 'case_study_url'), ''), btrim(u.payload ->> 'company_customer_name'))
           u.id, u.domain, NULLIF(btrim(u.payload ->> 'origin_company_name'), ''), NULLIF(btrim(u.payload ->> 'case_study_url'), ''),
           btrim(u.payload ->> 'company_customer_name'), coalesce(core.normalize_domain(u.payload ->> 'company_customer_domain'), c.customer_domain),
           NULLIF(btrim(u.payload ->> 'article_title'), ''), NULLIF(btrim(u.payload ->> 'confidence'), ''),
           NULLIF(btrim(u.payload ->> 'reasoning'), '')
    FROM unnest(p_ids, p_slugs, p_domains, p_payloads) AS u(id, slug, domain, payload)
    JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = u.slug
    LEFT JOIN core.company_customers c ON c.origin_company_domain = u.domain AND c.source = r.source
     AND c.customer_name = btrim(u.payload ->> 'company_customer_name')
    WHERE u.slug = 'case-study-extraction' AND NULLIF(btrim(u.payload ->> 'company_customer_name'), '') IS NOT NULL
    ORDER BY u.domain, NULLIF(btrim(u.payload ->> 'case_study_url'), ''), btrim(u.payload ->> 'company_customer_name')
    ON CONFLICT ON CONSTRAINT case_study_details_key DO UPDATE SET raw_id = excluded.raw_id,
      origin_company_name = excluded.origin_company_name, customer_domain = excluded.customer_domain,
      article_title = excluded.article_title, confidence = excluded.confidence, reasoning = excluded.reasoning,
      extracted_at = now()
    RETURNING t.id, t.raw_id, t.customer_domain, t.origin_company_domain)
  SELECT array_agg(d.id), array_agg(d.raw_id), array_agg(d.customer_domain), array_agg(d.origin_company_domain)
    INTO v_ids, v_raw, v_customers, v_origins FROM d;
  IF v_ids IS NULL THEN
    RETURN;
  END IF;

  DELETE FROM extracted.case_study_champions ch WHERE ch.case_study_id = ANY (v_ids);
  WITH d AS (
    SELECT * FROM unnest(v_ids, v_raw, v_customers, v_origins) AS d(id, raw_id, customer_domain, origin_company_domain)
  ), ch AS (
    SELECT d.id, d.origin_company_domain, d.customer_domain, e.n::int AS ordinal, btrim(e.c ->> 'full_name') AS full_name,
           NULLIF(btrim(e.c ->> 'job_title'), '') AS job_title, NULLIF(btrim(e.c ->> 'company_name'), '') AS company_name,
           core.person_name_key(e.c ->> 'full_name') AS name_key
    FROM d
    JOIN unnest(p_ids, p_payloads) AS u(id, payload) ON u.id = d.raw_id
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(u.payload -> 'champions') = 'array'
                                                 THEN u.payload -> 'champions' ELSE '[]' END) WITH ORDINALITY AS e(c, n)
    WHERE jsonb_typeof(e.c) = 'object' AND NULLIF(btrim(e.c ->> 'full_name'), '') IS NOT NULL
  ), people AS (
    -- people of that name at the customer: current company or any job held there
    SELECT ch.id, ch.ordinal, count(DISTINCT p.linkedin_url) AS n, min(p.linkedin_url) AS linkedin_url
    FROM ch
    JOIN LATERAL (
      SELECT f.linkedin_url FROM core.people_full f
      WHERE f.company_domain = ch.customer_domain AND core.person_name_key(f.full_name) = ch.name_key
      UNION
      SELECT f.linkedin_url FROM core.person_work_history w
      JOIN core.people_full f ON f.linkedin_url = w.linkedin_url
      WHERE w.company_domain = ch.customer_domain AND core.person_name_key(f.full_name) = ch.name_key) AS p ON true
    WHERE ch.customer_domain IS NOT NULL
    GROUP BY ch.id, ch.ordinal
  )
  INSERT INTO extracted.case_study_champions (case_study_id, origin_company_domain, ordinal, full_name, job_title, company_name,
         name_key, person_linkedin_url, link_status)
  SELECT ch.id, ch.origin_company_domain, ch.ordinal, ch.full_name, ch.job_title, ch.company_name,
         ch.name_key, CASE WHEN people.n = 1 THEN people.linkedin_url END,
         CASE WHEN people.n = 1 THEN 'linked' WHEN people.n > 1 THEN 'ambiguous' ELSE 'unlinked' END
  FROM ch LEFT JOIN people ON people.id = ch.id AND people.ordinal = ch.ordinal;
END;
$$;
COMMENT ON FUNCTION core.process_case_studies(uuid[], text[], text[], jsonb[]) IS
  'Case studies of a batch: details (title, URL, customer, confidence, reasoning) and champions linked to the one matching person at the customer.';
