CREATE OR REPLACE FUNCTION core.extract_company_lists(
  p_slugs text[], p_domains text[], p_payloads jsonb[], p_stored_slugs text[], p_stored_domains text[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Array fields of a validated company batch into the breakout tables
-- extracted.company_list_values (keywords, categories, technologies, NAICS
-- codes, investors, social URLs) and extracted.company_funding_rounds,
-- replaced as a set per (domain, workflow). Only a pair whose profile row
-- existed before this batch (p_stored_*, from
-- core.extract_company_profiles), or a workflow that does not extract into
-- company_profile, can have rows to delete.
-- Writes pg_temp.hq_company_lists and pg_temp.hq_company_rounds (this
-- batch's rows as stored), read by core.upsert_company_lists.
DECLARE
  v_slugs text[];
  v_domains text[];
BEGIN
  IF to_regclass('pg_temp.hq_company_lists') IS NULL THEN
    CREATE TEMP TABLE hq_company_lists ON COMMIT DROP AS SELECT * FROM extracted.company_list_values WITH NO DATA;
    CREATE TEMP TABLE hq_company_rounds ON COMMIT DROP AS SELECT * FROM extracted.company_funding_rounds WITH NO DATA;
  END IF;
  TRUNCATE pg_temp.hq_company_lists, pg_temp.hq_company_rounds;

  SELECT array_agg(u.slug), array_agg(u.domain) INTO v_slugs, v_domains
  FROM (SELECT * FROM unnest(p_stored_slugs, p_stored_domains) AS s(slug, domain)
        UNION ALL
        SELECT u.slug, u.domain FROM unnest(p_slugs, p_domains) AS u(slug, domain)
        JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = u.slug
        WHERE r.extracted_table <> 'extracted.company_profile') u;
  IF v_slugs IS NOT NULL THEN
    DELETE FROM extracted.company_list_values l USING unnest(v_slugs, v_domains) AS u(slug, domain)
    WHERE l.domain = u.domain AND l.workflow_slug = u.slug;
    DELETE FROM extracted.company_funding_rounds fr USING unnest(v_slugs, v_domains) AS u(slug, domain)
    WHERE fr.domain = u.domain AND fr.workflow_slug = u.slug;
  END IF;

  WITH ins AS (
  INSERT INTO extracted.company_list_values AS t (domain, workflow_slug, list_name, value)
  SELECT DISTINCT u.domain, u.slug, CASE m.target WHEN 'vc_firm_name' THEN 'investors' ELSE m.target END, btrim(e.value)
  FROM unnest(p_slugs, p_domains, p_payloads) AS u(slug, domain, payload)
  JOIN reference.workflow_field_map m ON m.workflow_slug = u.slug
   AND m.target IN ('keywords', 'categories', 'technologies', 'naics_codes', 'investors', 'vc_firm_name')
  CROSS JOIN LATERAL jsonb_array_elements_text(
    CASE jsonb_typeof(u.payload #> m.json_path) WHEN 'array' THEN u.payload #> m.json_path
                                                 WHEN 'string' THEN jsonb_build_array(u.payload #> m.json_path)
                                                 ELSE '[]' END) AS e(value)
  WHERE btrim(e.value) <> ''
  UNION
  SELECT u.domain, u.slug, 'social_urls', s.value
  FROM unnest(p_slugs, p_domains, p_payloads) AS u(slug, domain, payload)
  JOIN reference.workflow_field_map m ON m.workflow_slug = u.slug AND m.target = 'socials'
  CROSS JOIN LATERAL jsonb_each_text(
    CASE WHEN jsonb_typeof(u.payload #> m.json_path) = 'object' THEN u.payload #> m.json_path ELSE '{}' END) AS s(key, value)
  WHERE s.key LIKE '%\_url' AND NULLIF(btrim(s.value), '') IS NOT NULL
  RETURNING t.*)
  INSERT INTO pg_temp.hq_company_lists SELECT * FROM ins;

  WITH ins AS (
  INSERT INTO extracted.company_funding_rounds AS t (domain, workflow_slug, ordinal, round_date, round_type, amount, url, investors)
  SELECT u.domain, u.slug, e.n::int,
         CASE WHEN e.r ->> 'date' ~ '^\d{4}-\d{2}-\d{2}$' THEN (e.r ->> 'date')::date END,
         NULLIF(e.r ->> 'type', ''),
         CASE WHEN e.r ->> 'amount' ~ '^\d+(\.\d+)?$' THEN (e.r ->> 'amount')::numeric END,
         NULLIF(e.r ->> 'url', ''),
         (SELECT array_agg(DISTINCT btrim(i)) FROM regexp_split_to_table(coalesce(e.r ->> 'from', ''), '\s*[,;]\s*') AS i
          WHERE btrim(i) <> '')
  FROM unnest(p_slugs, p_domains, p_payloads) AS u(slug, domain, payload)
  JOIN reference.workflow_field_map m ON m.workflow_slug = u.slug AND m.target = 'funding_rounds'
  CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(u.payload #> m.json_path) = 'array' THEN u.payload #> m.json_path ELSE '[]' END)
    WITH ORDINALITY AS e(r, n)
  WHERE jsonb_typeof(e.r) = 'object'
  RETURNING t.*)
  INSERT INTO pg_temp.hq_company_rounds SELECT * FROM ins;
END;
$$;
COMMENT ON FUNCTION core.extract_company_lists(text[], text[], jsonb[], text[], text[]) IS
  'Company batch array fields into extracted.company_list_values and company_funding_rounds (replaced per domain and workflow), kept in pg_temp.hq_company_lists/hq_company_rounds.';
