CREATE OR REPLACE FUNCTION core.upsert_tech_detections(p_slugs text[], p_domains text[])
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Technologies the batch's payloads list (extracted.company_list_values,
  -- list 'technologies'): each (domain, technology, source) detection keeps
  -- its first_detected and moves last_detected to now. Rows are per domain,
  -- so concurrent batches of other companies never wait on these writes.
  INSERT INTO core.tech_on_site_detections AS d (domain, technology_key, technology, source, first_detected, last_detected)
  SELECT DISTINCT ON (l.domain, reference.normalize_key(l.value), r.source)
         l.domain, reference.normalize_key(l.value), btrim(l.value), r.source, now(), now()
  FROM extracted.company_list_values l
  JOIN unnest(p_slugs, p_domains) AS u(slug, domain) ON l.domain = u.domain AND l.workflow_slug = u.slug
  JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = l.workflow_slug
  WHERE l.list_name = 'technologies' AND reference.normalize_key(l.value) IS NOT NULL
  ORDER BY l.domain, reference.normalize_key(l.value), r.source, l.value
  ON CONFLICT (domain, technology_key, source) DO UPDATE SET last_detected = excluded.last_detected
  WHERE d.last_detected < excluded.last_detected;
$$;
COMMENT ON FUNCTION core.upsert_tech_detections(text[], text[]) IS 'First/last detection per (domain, technology, source) from the batch''s technology lists.';
