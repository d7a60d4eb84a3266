CREATE OR REPLACE FUNCTION core.tg_company_names_changed()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Statement-level AFTER INSERT/UPDATE/DELETE on core.companies or
-- core.company_names, whatever workflow wrote them (company pipelines,
-- people pipelines naming employers, customers' given domains, a DBA):
-- re-key the touched companies and match the customer names that now fit
-- (core.rematch_customers), in the same transaction.
DECLARE
  v_domains text[] := '{}';
  -- TG_TABLE_* are of type name, collation "C": an argument in "C" makes the
  -- call's collation "C", so p_domains would compare in "C" inside
  -- core.rematch_customers and no key index (default collation) could serve it
  v_reason text COLLATE "default" := TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME;
BEGIN
  -- an UPDATE matters only where a name (or the LinkedIn URL a match records) changed
  IF TG_OP IN ('INSERT', 'DELETE') THEN
    EXECUTE core.transition_keys_sql(TG_OP, 'domain') INTO v_domains;
  ELSE
    EXECUTE format('SELECT coalesce(array_agg(DISTINCT n.domain), ''{}'') FROM new_rows n JOIN old_rows o ON o.domain = n.domain
                    WHERE (to_jsonb(n) -> %L, to_jsonb(n) -> %L, to_jsonb(n) -> %L, to_jsonb(n) -> %L)
                          IS DISTINCT FROM (to_jsonb(o) -> %L, to_jsonb(o) -> %L, to_jsonb(o) -> %L, to_jsonb(o) -> %L)',
                   'name', 'raw_name', 'cleaned_name', 'linkedin_url', 'name', 'raw_name', 'cleaned_name', 'linkedin_url')
      INTO v_domains;
  END IF;
  IF cardinality(v_domains) > 0 THEN
    PERFORM core.rematch_customers(ARRAY(SELECT DISTINCT d FROM unnest(v_domains) AS d), v_reason);
  END IF;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION core.tg_company_names_changed() IS
  'Keeps core.company_name_keys current and re-matches unmatched customers when companies or their names are written.';
