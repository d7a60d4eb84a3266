CREATE OR REPLACE FUNCTION core.upsert_vc_firms(p_slugs text[], p_payloads jsonb[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- The VC firm a portfolio payload is about (workflow_field_map targets
-- vc_firm_name, vc_firm_domain: vc-portfolio, crunchbase-portfolio), set-based:
-- a firm known by that domain under another name gains the name as an alias;
-- a firm known by name without a domain gains the domain; any other is new.
BEGIN
  IF to_regclass('pg_temp.hq_vc_firms_in') IS NULL THEN
    CREATE TEMP TABLE hq_vc_firms_in (name text, key text, domain text) ON COMMIT DROP;
  END IF;
  TRUNCATE pg_temp.hq_vc_firms_in;
  INSERT INTO pg_temp.hq_vc_firms_in
  SELECT DISTINCT ON (core.company_name_key(x.n)) btrim(x.n), core.company_name_key(x.n), core.normalize_domain(x.d)
  FROM unnest(p_slugs, p_payloads) AS u(slug, payload)
  JOIN reference.workflow_field_map mn ON mn.workflow_slug = u.slug AND mn.target = 'vc_firm_name'
  LEFT JOIN reference.workflow_field_map md ON md.workflow_slug = u.slug AND md.target = 'vc_firm_domain'
  CROSS JOIN LATERAL (SELECT u.payload #>> mn.json_path AS n, u.payload #>> md.json_path AS d) AS x
  WHERE core.company_name_key(x.n) IS NOT NULL
  ORDER BY core.company_name_key(x.n), core.normalize_domain(x.d) NULLS LAST;
  IF NOT EXISTS (SELECT 1 FROM pg_temp.hq_vc_firms_in) THEN
    RETURN;
  END IF;

  UPDATE core.vc_firms v SET aliases = v.aliases || f.name, alias_keys = v.alias_keys || f.key, updated_at = now()
  FROM pg_temp.hq_vc_firms_in f
  WHERE v.domain = f.domain AND v.name_key <> f.key AND NOT f.key = ANY (v.alias_keys);

  UPDATE core.vc_firms v SET domain = f.domain, updated_at = now()
  FROM pg_temp.hq_vc_firms_in f
  WHERE v.name_key = f.key AND v.domain IS NULL AND f.domain IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM core.vc_firms o WHERE o.domain = f.domain);

  INSERT INTO core.vc_firms (name, name_key, domain)
  SELECT f.name, f.key, f.domain FROM pg_temp.hq_vc_firms_in f
  WHERE NOT EXISTS (SELECT 1 FROM core.vc_firms v
                    WHERE v.domain = f.domain OR v.name_key = f.key OR v.alias_keys @> ARRAY[f.key])
  ORDER BY f.key  -- concurrent batches adding the same firms take them in one order: waits, no deadlock
  ON CONFLICT DO NOTHING;
END;
$$;
COMMENT ON FUNCTION core.upsert_vc_firms(text[], jsonb[]) IS
  'VC firms named by portfolio payloads (vc-portfolio, crunchbase-portfolio): new firms, domains and aliases, set-based.';
