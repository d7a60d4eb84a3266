CREATE OR REPLACE FUNCTION core.extract_company_profiles(
  p_ids uuid[], p_slugs text[], p_domains text[], p_payloads jsonb[],
  OUT stored_slugs text[], OUT stored_domains text[])
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Flat fields of a validated company batch (one element per raw row, one
-- row per (domain, workflow)) into extracted.company_profile, read through
-- reference.workflow_field_paths (one row of JSON paths per workflow), each
-- payload once. Only workflows whose registry extracted_table is
-- extracted.company_profile have a profile.
-- Writes pg_temp.hq_company_x: this batch's profile rows as stored (kept
-- from RETURNING, so later statements never join the batch back against
-- the large extracted table), read by core.upsert_company_dimensions and
-- process_company_batch. Returns the (workflow, domain) pairs whose profile
-- row existed before this batch (an updated row's new version carries the
-- updater's xmax; an inserted one has none): only they can have breakout
-- rows to replace (core.extract_company_lists).
BEGIN
  IF to_regclass('pg_temp.hq_company_x') IS NULL THEN
    CREATE TEMP TABLE hq_company_x ON COMMIT DROP AS SELECT * FROM extracted.company_profile WITH NO DATA;
  END IF;
  TRUNCATE pg_temp.hq_company_x;

  WITH ins AS (
  INSERT INTO extracted.company_profile AS t (domain, workflow_slug, source, raw_id, name, cleaned_name, linkedin_url,
         size, employee_count, company_type, industry, industries, location, city, state, country,
         funding_range, revenue_range, description, tagline, extracted_at)
  SELECT b.domain, b.slug, r.source, b.id,
         NULLIF(btrim(b.payload #>> p.name), ''), NULLIF(btrim(b.payload #>> p.name), ''),
         core.normalize_linkedin_url(b.payload #>> p.linkedin_url),
         NULLIF(btrim(b.payload #>> p.size), ''),
         CASE WHEN (b.payload #>> p.employee_count) ~ '^\s*[0-9]{1,9}\s*$' THEN (b.payload #>> p.employee_count)::int END,
         NULLIF(btrim(b.payload #>> p.company_type), ''), NULLIF(btrim(b.payload #>> p.industry), ''),
         CASE WHEN jsonb_typeof(b.payload #> p.industries) = 'array' THEN b.payload #> p.industries END,
         NULLIF(btrim(b.payload #>> p.location), ''), NULLIF(btrim(b.payload #>> p.city), ''),
         NULLIF(btrim(b.payload #>> p.state), ''), NULLIF(btrim(b.payload #>> p.country), ''),
         NULLIF(btrim(b.payload #>> p.funding_range), ''), NULLIF(btrim(b.payload #>> p.revenue_range), ''),
         NULLIF(btrim(b.payload #>> p.description), ''), NULLIF(btrim(b.payload #>> p.tagline), ''), now()
  FROM unnest(p_ids, p_slugs, p_domains, p_payloads) AS b(id, slug, domain, payload)
  JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = b.slug
  LEFT JOIN reference.workflow_field_paths p ON p.workflow_slug = b.slug
  WHERE r.extracted_table = 'extracted.company_profile'
  ON CONFLICT (domain, workflow_slug) DO UPDATE SET
    source = excluded.source, raw_id = excluded.raw_id, name = excluded.name, cleaned_name = excluded.cleaned_name,
    linkedin_url = excluded.linkedin_url, size = excluded.size, employee_count = excluded.employee_count,
    company_type = excluded.company_type, industry = excluded.industry, industries = excluded.industries,
    location = excluded.location, city = excluded.city, state = excluded.state, country = excluded.country,
    funding_range = excluded.funding_range, revenue_range = excluded.revenue_range,
    description = excluded.description, tagline = excluded.tagline, extracted_at = excluded.extracted_at
  RETURNING t AS r, t.xmax <> '0'::xid AS existed), keep AS (
  INSERT INTO pg_temp.hq_company_x SELECT (ins.r).* FROM ins)
  SELECT array_agg((ins.r).workflow_slug), array_agg((ins.r).domain) INTO stored_slugs, stored_domains
  FROM ins WHERE ins.existed;
  ANALYZE pg_temp.hq_company_x;
END;
$$;
COMMENT ON FUNCTION core.extract_company_profiles(uuid[], text[], text[], jsonb[]) IS
  'Company batch flat fields into extracted.company_profile and pg_temp.hq_company_x; returns the (workflow, domain) pairs stored before the batch.';
