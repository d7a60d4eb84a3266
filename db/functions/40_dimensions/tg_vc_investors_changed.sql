CREATE OR REPLACE FUNCTION core.tg_vc_investors_changed()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Statement-level AFTER INSERT/UPDATE/DELETE on core.company_vc_investors:
-- recount the distinct firms (an unresolved investor counts by its name; a
-- bare legal form such as 'LLC' not at all) of the companies the statement
-- touched into core.company_vc_backed.
DECLARE
  v_domains text[];
BEGIN
  EXECUTE core.transition_keys_sql(TG_OP, 'domain') INTO v_domains;  -- distinct, from new_rows and/or old_rows
  INSERT INTO core.company_vc_backed AS t (domain, vc_count)
  SELECT d.domain, count(DISTINCT coalesce(i.vc_firm_id::text, lower(i.investor_name)))
  FROM unnest(v_domains) AS d(domain)
  LEFT JOIN core.company_vc_investors i ON i.domain = d.domain AND NOT core.is_legal_form(i.investor_name)
  GROUP BY d.domain
  ON CONFLICT (domain) DO UPDATE SET vc_count = excluded.vc_count, updated_at = now()
  WHERE t.vc_count <> excluded.vc_count;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION core.tg_vc_investors_changed() IS 'Keeps core.company_vc_backed (distinct firms per company) current, per statement.';
