CREATE OR REPLACE FUNCTION core.process_company_customers(
  p_ids uuid[], p_slugs text[], p_domains text[], p_payloads jsonb[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Customers of a company, set-based, for the workflows registered with
-- extracted.company_customers: claygent's delimited "result" string or
-- "customers" array (an empty array extracts nothing), one manual customer,
-- one case-study customer with its champions. Extracted rows are replaced as
-- a set per (origin, workflow); core.company_customers is upserted per
-- (origin, customer_name, source). A customer domain given by the source is
-- normalized (match_method 'given'); other names go through
-- core.match_company_names (domain in the name, exact normalized name, domain
-- label, trigram with threshold and margin; ambiguous names stay unmatched).
-- A match records the customer's LinkedIn URL (given, else the company's).
DECLARE
  v_new text[];
BEGIN
  DELETE FROM extracted.company_customers c
  USING unnest(p_slugs, p_domains) AS u(slug, domain)
  JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = u.slug
  WHERE r.extracted_table = 'extracted.company_customers'
    AND c.origin_company_domain = u.domain AND c.workflow_slug = u.slug;

  INSERT INTO extracted.company_customers (origin_company_domain, workflow_slug, ordinal, raw_id,
         customer_name, customer_domain, case_study_url, has_case_study, champions, customer_linkedin_url)
  SELECT u.domain, u.slug, e.n::int, u.id,
         btrim(coalesce(e.c ->> 'companyName', e.c ->> 'company_name', e.c ->> 'name', e.c #>> '{}')),
         core.normalize_domain(coalesce(e.c ->> 'companyDomain', e.c ->> 'domain')),
         NULLIF(btrim(e.c ->> 'url'), ''),
         CASE WHEN jsonb_typeof(e.c -> 'hasCaseStudy') = 'boolean' THEN (e.c ->> 'hasCaseStudy')::boolean END,
         NULL, core.normalize_linkedin_url(coalesce(e.c ->> 'companyLinkedinUrl', e.c ->> 'linkedin_url'))
  FROM unnest(p_ids, p_slugs, p_domains, p_payloads) AS u(id, slug, domain, payload)
  CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(u.payload -> 'customers') = 'array' THEN u.payload -> 'customers'
         WHEN jsonb_typeof(u.payload -> 'result') = 'string' THEN
           (SELECT coalesce(jsonb_agg(to_jsonb(btrim(x))), '[]') FROM regexp_split_to_table(u.payload ->> 'result', '\s*[,;\n]\s*') AS x
            WHERE btrim(x) <> '')
         ELSE '[]' END) WITH ORDINALITY AS e(c, n)
  WHERE u.slug = 'claygent-customers'
    AND jsonb_typeof(e.c) IN ('object', 'string')
    AND NULLIF(btrim(coalesce(e.c ->> 'companyName', e.c ->> 'company_name', e.c ->> 'name', e.c #>> '{}')), '') IS NOT NULL
  UNION ALL
  SELECT u.domain, u.slug, 1, u.id, btrim(u.payload ->> 'company_customer_name'),
         core.normalize_domain(u.payload ->> 'company_customer_domain'),
         NULLIF(btrim(u.payload ->> 'case_study_url'), ''),
         CASE WHEN jsonb_typeof(u.payload -> 'has_case_study') = 'boolean' THEN (u.payload ->> 'has_case_study')::boolean
              WHEN u.slug = 'case-study-extraction' THEN true END,
         CASE WHEN jsonb_typeof(u.payload -> 'champions') = 'array' THEN u.payload -> 'champions' END,
         core.normalize_linkedin_url(u.payload ->> 'company_customer_linkedin_url')
  FROM unnest(p_ids, p_slugs, p_domains, p_payloads) AS u(id, slug, domain, payload)
  WHERE u.slug IN ('manual-company-customers', 'case-study-extraction')
    AND NULLIF(btrim(u.payload ->> 'company_customer_name'), '') IS NOT NULL;

  -- the origin company is an entity with a name from this source
  INSERT INTO core.company_names AS t (domain, source, raw_name, cleaned_name, linkedin_url)
  SELECT DISTINCT ON (u.domain, r.source) u.domain, r.source, btrim(u.payload ->> 'origin_company_name'),
         btrim(u.payload ->> 'origin_company_name'), core.normalize_linkedin_url(u.payload ->> 'origin_company_linkedin_url')
  FROM unnest(p_slugs, p_domains, p_payloads) AS u(slug, domain, payload)
  JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = u.slug
  WHERE r.extracted_table = 'extracted.company_customers' AND NULLIF(btrim(u.payload ->> 'origin_company_name'), '') IS NOT NULL
  ORDER BY u.domain, r.source
  ON CONFLICT (domain, source) DO NOTHING;

  WITH x AS MATERIALIZED (
    SELECT x.*, r.source FROM extracted.company_customers x
    JOIN unnest(p_slugs, p_domains) AS u(slug, domain) ON x.origin_company_domain = u.domain AND x.workflow_slug = u.slug
    JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = x.workflow_slug
  ), m AS (
    SELECT * FROM core.match_company_names(ARRAY(SELECT DISTINCT x.customer_name FROM x WHERE x.customer_domain IS NULL))
  )
  INSERT INTO core.company_customers AS t (origin_company_domain, customer_name, customer_domain, case_study_url,
         has_case_study, source, match_method, match_score, customer_name_key, customer_linkedin_url)
  SELECT DISTINCT ON (x.origin_company_domain, x.customer_name, x.source)
         x.origin_company_domain, x.customer_name, coalesce(x.customer_domain, m.domain),
         x.case_study_url, x.has_case_study, x.source,
         CASE WHEN x.customer_domain IS NOT NULL THEN 'given' ELSE m.method END,
         CASE WHEN x.customer_domain IS NOT NULL THEN 1.0 ELSE m.score END,
         core.company_name_key(x.customer_name),
         coalesce(x.customer_linkedin_url, co.linkedin_url)
  FROM x
  LEFT JOIN m ON m.name = x.customer_name AND x.customer_domain IS NULL
  LEFT JOIN core.companies co ON co.domain = coalesce(x.customer_domain, m.domain)
  ORDER BY x.origin_company_domain, x.customer_name, x.source, x.customer_domain NULLS LAST
  ON CONFLICT (origin_company_domain, customer_name, source) DO UPDATE SET
    customer_domain = coalesce(excluded.customer_domain, t.customer_domain),
    case_study_url = coalesce(excluded.case_study_url, t.case_study_url),
    has_case_study = coalesce(excluded.has_case_study, t.has_case_study),
    match_method = CASE WHEN excluded.customer_domain IS NOT NULL OR t.customer_domain IS NULL THEN excluded.match_method ELSE t.match_method END,
    match_score = CASE WHEN excluded.customer_domain IS NOT NULL OR t.customer_domain IS NULL THEN excluded.match_score ELSE t.match_score END,
    customer_name_key = excluded.customer_name_key,
    customer_linkedin_url = coalesce(excluded.customer_linkedin_url, t.customer_linkedin_url),
    updated_at = now()
  WHERE (t.customer_domain, t.case_study_url, t.has_case_study, t.match_method, t.match_score, t.customer_name_key, t.customer_linkedin_url)
        IS DISTINCT FROM
        (coalesce(excluded.customer_domain, t.customer_domain), coalesce(excluded.case_study_url, t.case_study_url),
         coalesce(excluded.has_case_study, t.has_case_study),
         CASE WHEN excluded.customer_domain IS NOT NULL OR t.customer_domain IS NULL THEN excluded.match_method ELSE t.match_method END,
         CASE WHEN excluded.customer_domain IS NOT NULL OR t.customer_domain IS NULL THEN excluded.match_score ELSE t.match_score END,
         excluded.customer_name_key, coalesce(excluded.customer_linkedin_url, t.customer_linkedin_url));

  PERFORM core.process_case_studies(p_ids, p_slugs, p_domains, p_payloads);

  -- a customer with a known domain is a company too, with its golden row in
  -- this transaction (the batch refreshes only its own domains)
  WITH n AS (
  INSERT INTO core.companies (domain)
  SELECT DISTINCT x.customer_domain FROM extracted.company_customers x
  JOIN unnest(p_slugs, p_domains) AS u(slug, domain) ON x.origin_company_domain = u.domain AND x.workflow_slug = u.slug
  WHERE x.customer_domain IS NOT NULL
  ON CONFLICT (domain) DO NOTHING
  RETURNING domain)
  SELECT array_agg(n.domain) INTO v_new FROM n;
  IF v_new IS NOT NULL THEN
    PERFORM core.refresh_companies_full(v_new);
  END IF;
END;
$$;
COMMENT ON FUNCTION core.process_company_customers(uuid[], text[], text[], jsonb[]) IS
  'Customers of a company from claygent (string/array/empty), manual entry and case studies: extracted rows and core.company_customers with domain matching.';
