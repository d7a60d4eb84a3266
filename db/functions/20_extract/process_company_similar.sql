CREATE OR REPLACE FUNCTION core.process_company_similar(
  p_ids uuid[], p_slugs text[], p_domains text[], p_payloads jsonb[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- CompanyEnrich similar-companies responses (workflow company-enrich-similar,
-- key = the queried domain): the response's `items` replace the queried
-- domain's rows in extracted.company_enrich_similar, and every similar
-- company goes through the company pipeline (core.process_company_batch) as
-- workflow company-enrich-similar-company (a CompanyEnrich company profile:
-- same field map), so it becomes a core company with dimensions and a
-- golden record like any webhook payload, with enrichment_runs recorded.
-- Runs after the batch's own company pipeline has finished with its temp
-- tables (core.process_batch calls it last).
DECLARE
  v_ids uuid[]; v_slugs text[]; v_keys text[]; v_payloads jsonb[];
BEGIN
  IF NOT ('company-enrich-similar' = ANY (p_slugs)) THEN
    RETURN;
  END IF;

  DELETE FROM extracted.company_enrich_similar x
  USING unnest(p_slugs, p_domains) AS u(slug, domain)
  WHERE u.slug = 'company-enrich-similar' AND x.source_domain = u.domain;

  WITH items AS (
    SELECT u.id, u.domain AS source_domain, e.n::int AS position, e.item,
           core.normalize_domain(coalesce(e.item ->> 'domain', e.item ->> 'website')) AS similar_domain
    FROM unnest(p_ids, p_slugs, p_domains, p_payloads) AS u(id, slug, domain, payload)
    CROSS JOIN LATERAL jsonb_array_elements(
      CASE WHEN jsonb_typeof(u.payload -> 'items') = 'array' THEN u.payload -> 'items' ELSE '[]' END)
      WITH ORDINALITY AS e(item, n)
    WHERE u.slug = 'company-enrich-similar' AND jsonb_typeof(e.item) = 'object'
  ), ins AS (
    INSERT INTO extracted.company_enrich_similar (source_domain, similar_domain, position, name, raw_id, payload)
    SELECT DISTINCT ON (i.source_domain, i.similar_domain)
           i.source_domain, i.similar_domain, i.position, NULLIF(btrim(i.item ->> 'name'), ''), i.id, i.item
    FROM items i
    WHERE i.similar_domain IS NOT NULL AND i.similar_domain <> i.source_domain
    ORDER BY i.source_domain, i.similar_domain, i.position
    RETURNING raw_id, similar_domain, payload, position)
  -- one payload per similar company and batch (the pipeline takes one row per (domain, workflow))
  SELECT array_agg(d.raw_id), array_agg('company-enrich-similar-company'::text), array_agg(d.similar_domain),
         array_agg(d.payload)
    INTO v_ids, v_slugs, v_keys, v_payloads
  FROM (SELECT DISTINCT ON (ins.similar_domain) ins.* FROM ins ORDER BY ins.similar_domain, ins.position) d;

  IF v_ids IS NULL THEN
    RETURN;
  END IF;
  PERFORM core.process_company_batch(v_ids, v_slugs, v_keys, v_payloads);

  INSERT INTO reference.enrichment_runs AS er (workflow_slug, entity_type, entity_key, status, records_processed,
                                               started_at, completed_at, error)
  SELECT 'company-enrich-similar-company', 'company', k.domain, 'completed', 1, now(), now(), NULL
  FROM unnest(v_keys) AS k(domain)
  ON CONFLICT (workflow_slug, entity_key) DO UPDATE SET
    status = excluded.status, records_processed = excluded.records_processed,
    started_at = excluded.started_at, completed_at = excluded.completed_at, error = NULL;
END;
$$;
COMMENT ON FUNCTION core.process_company_similar(uuid[], text[], text[], jsonb[]) IS
  'Similar-companies responses: extracted.company_enrich_similar rows, and each similar company through the company pipeline as company-enrich-similar-company.';
