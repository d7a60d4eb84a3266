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
  v_part text[];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    -- transition tables are named at trigger creation; plpgsql_check sees them only at run time
    EXECUTE format('SELECT coalesce(array_agg(DISTINCT n.%I), ''{}'') FROM new_rows n', 'domain') INTO v_part;
    v_domains := v_domains || v_part;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    EXECUTE format('SELECT coalesce(array_agg(DISTINCT o.%I), ''{}'') FROM old_rows o', 'domain') INTO v_part;
    v_domains := v_domains || v_part;
  END IF;
  IF cardinality(v_domains) > 0 THEN
    PERFORM core.rematch_customers(ARRAY(SELECT DISTINCT d FROM unnest(v_domains) AS d), TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION core.tg_company_names_changed() IS
  'Keeps core.company_name_keys current and re-matches unmatched customers when companies or their names are written.';
