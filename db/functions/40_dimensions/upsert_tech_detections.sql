CREATE OR REPLACE FUNCTION core.upsert_tech_detections(p_slugs text[], p_domains text[])
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Technologies the batch's payloads list (extracted.company_list_values,
  -- list 'technologies'): each new normalized name becomes a
  -- reference.technologies row; each (domain, technology, source) detection
  -- keeps its first_detected and moves last_detected to now.
  WITH l AS MATERIALIZED (
    SELECT DISTINCT l.domain, r.source, l.value AS name, reference.normalize_key(l.value) AS key
    FROM extracted.company_list_values l
    JOIN unnest(p_slugs, p_domains) AS u(slug, domain) ON l.domain = u.domain AND l.workflow_slug = u.slug
    JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = l.workflow_slug
    WHERE l.list_name = 'technologies' AND reference.normalize_key(l.value) IS NOT NULL
  ), t AS (
    INSERT INTO reference.technologies (name, name_key)
    SELECT DISTINCT ON (l.key) l.name, l.key FROM l ORDER BY l.key, l.name
    ON CONFLICT (name_key) DO NOTHING
    RETURNING id, name_key
  )
  INSERT INTO core.tech_on_site_detections AS d (domain, technology_id, source, first_detected, last_detected)
  SELECT DISTINCT l.domain, coalesce(t.id, rt.id), l.source, now(), now()
  FROM l
  LEFT JOIN t ON t.name_key = l.key
  LEFT JOIN reference.technologies rt ON rt.name_key = l.key
  WHERE coalesce(t.id, rt.id) IS NOT NULL
  ON CONFLICT (domain, technology_id, source) DO UPDATE SET last_detected = excluded.last_detected
  WHERE d.last_detected < excluded.last_detected;
$$;
COMMENT ON FUNCTION core.upsert_tech_detections(text[], text[]) IS 'reference.technologies and first/last detection per (domain, technology, source) from the batch''s technology lists.';
