CREATE OR REPLACE FUNCTION core.upsert_company_lists(p_slugs text[], p_domains text[], p_payloads jsonb[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Multi-valued company rows from this batch's breakout rows in
-- pg_temp.hq_company_lists and pg_temp.hq_company_rounds
-- (core.extract_company_lists): the tables of reference.list_dimensions
-- (added, never removed: a value once seen from a source stays), funding
-- rounds, and VC investors (from the rounds and from the investor lists;
-- an investor named as vc_firm_name gets the payload's vc_firm_domain).
-- The payload arrays are the batch's, for that domain lookup.
DECLARE
  v_list record;
BEGIN
  -- multi-valued: one statement shape over the name map (identifiers via %I)
  FOR v_list IN SELECT * FROM reference.list_dimensions() LOOP
    EXECUTE format($sql$
      INSERT INTO core.%1$I (domain, %2$I, source%4$s)
      SELECT l.domain, l.value, r.source%5$s
      FROM pg_temp.hq_company_lists l
      JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = l.workflow_slug
      WHERE l.list_name = %3$L
      ON CONFLICT DO NOTHING$sql$,
      v_list.dimension_table, v_list.value_column, v_list.list_name,
      CASE WHEN v_list.has_platform THEN ', platform' ELSE '' END,
      CASE WHEN v_list.has_platform THEN $x$, split_part(regexp_replace(l.value, '^https?://(www\.)?', ''), '.', 1)$x$ ELSE '' END);
  END LOOP;
  INSERT INTO core.company_funding_rounds AS t (domain, round_date, round_type, amount, url, investors, source)
  SELECT fr.domain, fr.round_date, fr.round_type, fr.amount, fr.url, fr.investors, r.source
  FROM pg_temp.hq_company_rounds fr
  JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = fr.workflow_slug
  ON CONFLICT (domain, coalesce(round_date, '-infinity'::date), coalesce(round_type, ''), source)
  DO UPDATE SET amount = excluded.amount, url = excluded.url, investors = excluded.investors, updated_at = now()
  WHERE (t.amount, t.url, t.investors) IS DISTINCT FROM (excluded.amount, excluded.url, excluded.investors);
  INSERT INTO core.company_vc_investors (domain, investor_name, source)
  SELECT DISTINCT fr.domain, i.name, r.source
  FROM pg_temp.hq_company_rounds fr
  JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = fr.workflow_slug
  CROSS JOIN LATERAL unnest(fr.investors) AS i(name)
  ON CONFLICT DO NOTHING;

  INSERT INTO core.company_vc_investors AS t (domain, investor_name, source, investor_domain)
  SELECT DISTINCT ON (l.domain, l.value, r.source) l.domain, l.value, r.source,
         CASE WHEN l.value = p.payload ->> 'vc_firm_name' THEN core.normalize_domain(p.payload ->> 'vc_firm_domain') END
  FROM pg_temp.hq_company_lists l
  JOIN unnest(p_slugs, p_domains, p_payloads) AS p(slug, domain, payload) ON l.domain = p.domain AND l.workflow_slug = p.slug
  JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = l.workflow_slug
  WHERE l.list_name = 'investors'
  ORDER BY l.domain, l.value, r.source
  ON CONFLICT (domain, investor_name, source) DO UPDATE SET investor_domain = coalesce(excluded.investor_domain, t.investor_domain)
  WHERE t.investor_domain IS DISTINCT FROM coalesce(excluded.investor_domain, t.investor_domain);
END;
$$;
COMMENT ON FUNCTION core.upsert_company_lists(text[], text[], jsonb[]) IS
  'Multi-valued company rows (reference.list_dimensions tables, funding rounds, VC investors) from pg_temp.hq_company_lists/hq_company_rounds.';
