CREATE OR REPLACE FUNCTION core.resolve_vc_investors(p_domains text[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Investors of the given companies not yet tied to a firm (portfolio lists,
-- CompanyEnrich funding rounds' "from"): resolve each to core.vc_firms by
-- its domain, else its name key, else an alias key; a name that fits no firm
-- becomes a firm of its own (no domain yet), so the same investor named by
-- another source later resolves to the same row. A bare legal form ('LLC'
-- from 'General Catalyst, LLC' split on its comma) is no firm.
BEGIN
  INSERT INTO core.vc_firms (name, name_key)
  SELECT DISTINCT ON (core.company_name_key(i.investor_name)) i.investor_name, core.company_name_key(i.investor_name)
  FROM core.company_vc_investors i
  WHERE i.domain = ANY (p_domains) AND i.vc_firm_id IS NULL AND core.company_name_key(i.investor_name) IS NOT NULL
    AND NOT core.is_legal_form(i.investor_name)
    AND NOT EXISTS (SELECT 1 FROM core.vc_firms v WHERE v.domain = i.investor_domain)
    AND NOT EXISTS (SELECT 1 FROM core.vc_firms v WHERE v.name_key = core.company_name_key(i.investor_name))
    AND NOT EXISTS (SELECT 1 FROM core.vc_firms v WHERE v.alias_keys @> ARRAY[core.company_name_key(i.investor_name)])
  ORDER BY core.company_name_key(i.investor_name), i.investor_name
  ON CONFLICT DO NOTHING;

  UPDATE core.company_vc_investors i
  SET vc_firm_id = r.id, investor_domain = coalesce(i.investor_domain, r.domain_of_firm), updated_at = now()
  FROM (
    SELECT i2.domain, i2.investor_name, i2.source, f.id, f.domain
    FROM core.company_vc_investors i2
    CROSS JOIN LATERAL (
      SELECT v.id, v.domain FROM core.vc_firms v
      WHERE v.id = coalesce(
        (SELECT d.id FROM core.vc_firms d WHERE d.domain = i2.investor_domain),
        (SELECT n.id FROM core.vc_firms n WHERE n.name_key = core.company_name_key(i2.investor_name)),
        (SELECT a.id FROM core.vc_firms a WHERE a.alias_keys @> ARRAY[core.company_name_key(i2.investor_name)] ORDER BY a.created_at LIMIT 1))
    ) AS f
    WHERE i2.domain = ANY (p_domains) AND i2.vc_firm_id IS NULL
  ) AS r(domain, investor_name, source, id, domain_of_firm)
  WHERE i.domain = r.domain AND i.investor_name = r.investor_name AND i.source = r.source;
END;
$$;
COMMENT ON FUNCTION core.resolve_vc_investors(text[]) IS
  'Ties the given companies'' investors to core.vc_firms (domain, name key, alias), creating firms for unknown names.';
