CREATE OR REPLACE FUNCTION core.legacy_import_direct(p_source text, p_legacy_table text, p_kind text)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER  -- run by hq import-legacy as the deploying user, over its session's temp table
SET search_path = pg_catalog, pg_temp
AS $$
-- Staged legacy rows that have no raw payload (pg_temp.legacy_batch):
-- priority: public.top_priority_companies -> core.priority_companies
-- (source 'legacy'; a company already on the list keeps its row);
-- customers: company customers -> core.company_customers (source 'legacy')
-- unless a raw payload already gave that customer of that company (same
-- name or domain, any other source). Rows without a valid domain are
-- counted with the reason. Returns rows inserted.
DECLARE
  v_total bigint;
  v_ins bigint;
  v_bad bigint;
  v_derived bigint := 0;
BEGIN
  IF p_kind = 'priority' THEN
    WITH v AS (
      SELECT core.normalize_domain(j ->> 'domain') AS d, NULLIF(btrim(j ->> 'company_name'), '') AS n,
             core.normalize_linkedin_url(j ->> 'company_linkedin_url') AS u
      FROM pg_temp.legacy_batch b CROSS JOIN LATERAL (SELECT b.payload::jsonb AS j) p
    ), ins AS (
      INSERT INTO core.priority_companies (domain, name, linkedin_url, source)
      SELECT DISTINCT ON (v.d) v.d, v.n, v.u, 'legacy' FROM v WHERE v.d IS NOT NULL
      ORDER BY v.d, v.n NULLS LAST
      ON CONFLICT (domain) DO NOTHING
      RETURNING 1)
    SELECT (SELECT count(*) FROM v), (SELECT count(*) FROM ins), (SELECT count(*) FROM v WHERE v.d IS NULL)
      INTO v_total, v_ins, v_bad;
    PERFORM core.legacy_import_tally(p_source, p_legacy_table, ARRAY['imported', 'already_present', 'invalid'],
      ARRAY['', 'already on the list (or twice in the legacy table)', 'domain missing or not a domain'],
      ARRAY[v_ins, v_total - v_ins - v_bad, v_bad]);
    RETURN v_ins;
  END IF;

  CREATE TEMP TABLE IF NOT EXISTS hq_legacy_customers (o text, n text, cd text, cs text, hcs boolean, derived boolean) ON COMMIT DROP;
  TRUNCATE pg_temp.hq_legacy_customers;
  INSERT INTO pg_temp.hq_legacy_customers
  SELECT v.o, coalesce(v.n, v.cd), v.cd, v.cs, v.hcs,
         EXISTS (SELECT 1 FROM core.company_customers c
                 WHERE c.origin_company_domain = v.o AND c.source <> 'legacy'
                   AND (lower(c.customer_name) = lower(coalesce(v.n, v.cd)) OR c.customer_domain = v.cd))
  FROM (SELECT core.normalize_domain(coalesce(j ->> 'origin_company_domain', j ->> 'domain')) AS o,
               NULLIF(btrim(coalesce(j ->> 'customer_name', j ->> 'company_customer_name')), '') AS n,
               core.normalize_domain(coalesce(j ->> 'customer_domain', j ->> 'company_customer_domain')) AS cd,
               NULLIF(btrim(j ->> 'case_study_url'), '') AS cs,
               CASE WHEN jsonb_typeof(j -> 'has_case_study') = 'boolean' THEN (j ->> 'has_case_study')::boolean END AS hcs
        FROM pg_temp.legacy_batch b CROSS JOIN LATERAL (SELECT b.payload::jsonb AS j) p) v;
  INSERT INTO core.company_customers (origin_company_domain, customer_name, customer_domain, case_study_url, has_case_study,
                                      source, match_method)
  SELECT DISTINCT ON (c.o, c.n) c.o, c.n, c.cd, c.cs, c.hcs, 'legacy', CASE WHEN c.cd IS NOT NULL THEN 'given' END
  FROM pg_temp.hq_legacy_customers c
  WHERE c.o IS NOT NULL AND c.n IS NOT NULL AND NOT c.derived
  ORDER BY c.o, c.n, c.cd NULLS LAST
  ON CONFLICT (origin_company_domain, customer_name, source) DO NOTHING;
  GET DIAGNOSTICS v_ins = ROW_COUNT;
  SELECT count(*), count(*) FILTER (WHERE c.o IS NULL OR c.n IS NULL), count(*) FILTER (WHERE c.derived AND c.o IS NOT NULL AND c.n IS NOT NULL)
    INTO v_total, v_bad, v_derived FROM pg_temp.hq_legacy_customers c;
  PERFORM core.legacy_import_tally(p_source, p_legacy_table, ARRAY['imported', 'from_raw_payloads', 'already_present', 'invalid'],
    ARRAY['', 'already derived by HQ from the imported raw payloads', 'imported before (or twice in the legacy table)',
          'origin domain or customer missing'],
    ARRAY[v_ins, v_derived, v_total - v_ins - v_bad - v_derived, v_bad]);
  RETURN v_ins;
END;
$$;
COMMENT ON FUNCTION core.legacy_import_direct(text, text, text) IS
  'hq import-legacy: legacy priority companies and company customers without raw payloads -> core tables (source legacy).';
