CREATE OR REPLACE FUNCTION core.upsert_founded_years(p_slugs text[], p_domains text[], p_payloads jsonb[])
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Founded year per (domain, source) from each workflow's 'founded' path
  -- (reference.workflow_field_map): a number, a year, or a date starting
  -- with the year ('1892-04-15'); anything else keeps the raw value, year NULL.
  INSERT INTO core.company_founded_years AS t (domain, source, raw_founded, founded_year)
  SELECT DISTINCT ON (u.domain, r.source) u.domain, r.source, btrim(u.payload #>> m.json_path),
         CASE WHEN btrim(u.payload #>> m.json_path) ~ '^[12][0-9]{3}($|[-/.T ])'
              THEN left(btrim(u.payload #>> m.json_path), 4)::int END
  FROM unnest(p_slugs, p_domains, p_payloads) AS u(slug, domain, payload)
  JOIN reference.workflow_field_map m ON m.workflow_slug = u.slug AND m.target = 'founded'
  JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = u.slug
  WHERE NULLIF(btrim(u.payload #>> m.json_path), '') IS NOT NULL
  ORDER BY u.domain, r.source
  ON CONFLICT (domain, source) DO UPDATE SET raw_founded = excluded.raw_founded, founded_year = excluded.founded_year,
    updated_at = now()
  WHERE (t.raw_founded, t.founded_year) IS DISTINCT FROM (excluded.raw_founded, excluded.founded_year);
$$;
COMMENT ON FUNCTION core.upsert_founded_years(text[], text[], jsonb[]) IS 'Founded year per company and source from every workflow that maps a founded field.';
