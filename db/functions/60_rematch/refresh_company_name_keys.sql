CREATE OR REPLACE FUNCTION core.refresh_company_name_keys(p_domains text[])
RETURNS TABLE (domain text, name_key text, kind text)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  -- (plpgsql so the statement's plan is cached per session: a SQL function
  -- is planned again on every call, and this runs on every company write)
  -- Bring core.company_name_keys of the given companies in line with their
  -- names (core.companies.name, every source's raw and cleaned
  -- core.company_names) and domain label, in one statement; return the keys
  -- that are new, the only ones that can match a customer name that matched
  -- nothing before. (The DELETE removes only keys not wanted, the INSERT
  -- adds only wanted ones, so the two never touch the same row.)
  RETURN QUERY
  WITH w AS MATERIALIZED (
    SELECT DISTINCT s.domain, s.k AS name_key, s.kind FROM (
      SELECT c.domain, core.company_name_key(c.name) AS k, 'name' AS kind
      FROM core.companies c WHERE c.domain = ANY (p_domains)
      UNION ALL
      SELECT c.domain, core.domain_label(c.domain), 'domain_label'
      FROM core.companies c WHERE c.domain = ANY (p_domains)
      UNION ALL
      SELECT n.domain, core.company_name_key(v.name), 'name'
      FROM core.company_names n CROSS JOIN LATERAL (VALUES (n.raw_name), (n.cleaned_name)) AS v(name)
      WHERE n.domain = ANY (p_domains)) AS s
    WHERE s.k IS NOT NULL
  ), gone AS (
    DELETE FROM core.company_name_keys k
    WHERE k.domain = ANY (p_domains)
      AND NOT EXISTS (SELECT 1 FROM w WHERE w.domain = k.domain AND w.name_key = k.name_key AND w.kind = k.kind)
  )
  INSERT INTO core.company_name_keys AS k (domain, name_key, kind)
  SELECT w.domain, w.name_key, w.kind FROM w
  ON CONFLICT ON CONSTRAINT company_name_keys_pkey DO NOTHING
  RETURNING k.domain, k.name_key, k.kind;
END;
$$;
COMMENT ON FUNCTION core.refresh_company_name_keys(text[]) IS
  'Re-key the given companies in core.company_name_keys (names of every source and domain label); returns the new keys.';
