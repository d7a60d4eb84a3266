CREATE OR REPLACE FUNCTION core.entity_key_column(p_table text)
RETURNS text
LANGUAGE sql
STABLE
AS $$
  -- The column holding the entity key in a registered extracted or core
  -- table ('schema.table'): domain, origin_company_domain or linkedin_url,
  -- whichever it has (in that order). NULL for an unknown table.
  SELECT c.k
  FROM unnest(ARRAY['domain', 'origin_company_domain', 'linkedin_url']) WITH ORDINALITY AS c(k, n)
  JOIN pg_catalog.pg_attribute a ON a.attrelid = to_regclass(p_table) AND a.attname = c.k AND NOT a.attisdropped
  ORDER BY c.n LIMIT 1;
$$;
COMMENT ON FUNCTION core.entity_key_column(text) IS 'Entity key column (domain, origin_company_domain or linkedin_url) of a registered table.';
