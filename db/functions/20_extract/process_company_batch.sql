CREATE OR REPLACE FUNCTION core.process_company_batch(
  p_ids uuid[], p_slugs text[], p_domains text[], p_payloads jsonb[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- batch statements are estimated above jit_above_cost; compiling costs ~60 ms each
AS $$
-- Set-based company pipeline for validated payloads (one element per raw
-- row, one row per (domain, workflow)): flat fields per
-- reference.workflow_field_map into extracted.company_profile, array fields
-- into extracted breakout tables, then every company dimension (raw beside
-- matched, ON CONFLICT upserts that only write real changes), the entity,
-- multi-valued tables, and the golden rows of the touched domains.
DECLARE
  v_dim record;
  v_list record;
  v_old_domains text[];
  v_old_slugs text[];
BEGIN
  PERFORM set_config('hq.in_pipeline', 'on', true);

  -- this batch's extracted rows, kept from RETURNING in temp tables so later
  -- statements never join the batch back against the (large) extracted tables
  IF to_regclass('pg_temp.hq_company_x') IS NULL THEN
    CREATE TEMP TABLE hq_company_x ON COMMIT DROP AS SELECT * FROM extracted.company_profile WITH NO DATA;
    CREATE TEMP TABLE hq_company_lists ON COMMIT DROP AS SELECT * FROM extracted.company_list_values WITH NO DATA;
    CREATE TEMP TABLE hq_company_rounds ON COMMIT DROP AS SELECT * FROM extracted.company_funding_rounds WITH NO DATA;
    CREATE TEMP TABLE hq_company_replaced (slug text, domain text) ON COMMIT DROP;
  END IF;
  TRUNCATE pg_temp.hq_company_x, pg_temp.hq_company_lists, pg_temp.hq_company_rounds, pg_temp.hq_company_replaced;

  -- flat fields read through reference.workflow_field_paths (one row of JSON
  -- paths per workflow), each payload once
  WITH ins AS (
  INSERT INTO extracted.company_profile AS t (domain, workflow_slug, source, raw_id, name, cleaned_name, linkedin_url,
         size, employee_count, company_type, industry, industries, location, city, state, country,
         funding_range, revenue_range, description, tagline, extracted_at)
  SELECT b.domain, b.slug, r.source, b.id,
         NULLIF(btrim(b.payload #>> p.name), ''), NULLIF(btrim(b.payload #>> p.name), ''),
         core.normalize_linkedin_url(b.payload #>> p.linkedin_url),
         NULLIF(btrim(b.payload #>> p.size), ''),
         CASE WHEN (b.payload #>> p.employee_count) ~ '^\s*[0-9]{1,9}\s*$' THEN (b.payload #>> p.employee_count)::int END,
         NULLIF(btrim(b.payload #>> p.company_type), ''), NULLIF(btrim(b.payload #>> p.industry), ''),
         CASE WHEN jsonb_typeof(b.payload #> p.industries) = 'array' THEN b.payload #> p.industries END,
         NULLIF(btrim(b.payload #>> p.location), ''), NULLIF(btrim(b.payload #>> p.city), ''),
         NULLIF(btrim(b.payload #>> p.state), ''), NULLIF(btrim(b.payload #>> p.country), ''),
         NULLIF(btrim(b.payload #>> p.funding_range), ''), NULLIF(btrim(b.payload #>> p.revenue_range), ''),
         NULLIF(btrim(b.payload #>> p.description), ''), NULLIF(btrim(b.payload #>> p.tagline), ''), now()
  FROM unnest(p_ids, p_slugs, p_domains, p_payloads) AS b(id, slug, domain, payload)
  JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = b.slug
  LEFT JOIN reference.workflow_field_paths p ON p.workflow_slug = b.slug
  WHERE r.extracted_table = 'extracted.company_profile'
  ON CONFLICT (domain, workflow_slug) DO UPDATE SET
    source = excluded.source, raw_id = excluded.raw_id, name = excluded.name, cleaned_name = excluded.cleaned_name,
    linkedin_url = excluded.linkedin_url, size = excluded.size, employee_count = excluded.employee_count,
    company_type = excluded.company_type, industry = excluded.industry, industries = excluded.industries,
    location = excluded.location, city = excluded.city, state = excluded.state, country = excluded.country,
    funding_range = excluded.funding_range, revenue_range = excluded.revenue_range,
    description = excluded.description, tagline = excluded.tagline, extracted_at = excluded.extracted_at
  RETURNING t AS r, t.xmax <> '0'::xid AS existed), keep AS (
  INSERT INTO pg_temp.hq_company_x SELECT (ins.r).* FROM ins)
  -- (domain, workflow) pairs stored before this batch (an updated row's new
  -- version carries the updater's xmax; an inserted one has none)
  SELECT array_agg((ins.r).domain), array_agg((ins.r).workflow_slug) INTO v_old_domains, v_old_slugs
  FROM ins WHERE ins.existed;
  ANALYZE pg_temp.hq_company_x;

  -- breakout lists and funding rounds: replaced as a set per (domain,
  -- workflow). Only a pair whose profile row existed before this batch, or
  -- a workflow that does not extract into company_profile, can have any.
  INSERT INTO pg_temp.hq_company_replaced
  SELECT * FROM unnest(v_old_slugs, v_old_domains)
  UNION ALL
  SELECT u.slug, u.domain FROM unnest(p_slugs, p_domains) AS u(slug, domain)
  JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = u.slug
  WHERE r.extracted_table <> 'extracted.company_profile';
  DELETE FROM extracted.company_list_values l
  USING pg_temp.hq_company_replaced u
  WHERE l.domain = u.domain AND l.workflow_slug = u.slug;
  WITH ins AS (
  INSERT INTO extracted.company_list_values AS t (domain, workflow_slug, list_name, value)
  SELECT DISTINCT u.domain, u.slug, CASE m.target WHEN 'vc_firm_name' THEN 'investors' ELSE m.target END, btrim(e.value)
  FROM unnest(p_slugs, p_domains, p_payloads) AS u(slug, domain, payload)
  JOIN reference.workflow_field_map m ON m.workflow_slug = u.slug
   AND m.target IN ('keywords', 'categories', 'technologies', 'naics_codes', 'investors', 'vc_firm_name')
  CROSS JOIN LATERAL jsonb_array_elements_text(
    CASE jsonb_typeof(u.payload #> m.json_path) WHEN 'array' THEN u.payload #> m.json_path
                                                 WHEN 'string' THEN jsonb_build_array(u.payload #> m.json_path)
                                                 ELSE '[]' END) AS e(value)
  WHERE btrim(e.value) <> ''
  UNION
  SELECT u.domain, u.slug, 'social_urls', s.value
  FROM unnest(p_slugs, p_domains, p_payloads) AS u(slug, domain, payload)
  JOIN reference.workflow_field_map m ON m.workflow_slug = u.slug AND m.target = 'socials'
  CROSS JOIN LATERAL jsonb_each_text(
    CASE WHEN jsonb_typeof(u.payload #> m.json_path) = 'object' THEN u.payload #> m.json_path ELSE '{}' END) AS s(key, value)
  WHERE s.key LIKE '%\_url' AND NULLIF(btrim(s.value), '') IS NOT NULL
  RETURNING t.*)
  INSERT INTO pg_temp.hq_company_lists SELECT * FROM ins;

  DELETE FROM extracted.company_funding_rounds fr
  USING pg_temp.hq_company_replaced u
  WHERE fr.domain = u.domain AND fr.workflow_slug = u.slug;
  WITH ins AS (
  INSERT INTO extracted.company_funding_rounds AS t (domain, workflow_slug, ordinal, round_date, round_type, amount, url, investors)
  SELECT u.domain, u.slug, e.n::int,
         CASE WHEN e.r ->> 'date' ~ '^\d{4}-\d{2}-\d{2}$' THEN (e.r ->> 'date')::date END,
         NULLIF(e.r ->> 'type', ''),
         CASE WHEN e.r ->> 'amount' ~ '^\d+(\.\d+)?$' THEN (e.r ->> 'amount')::numeric END,
         NULLIF(e.r ->> 'url', ''),
         (SELECT array_agg(DISTINCT btrim(i)) FROM regexp_split_to_table(coalesce(e.r ->> 'from', ''), '\s*[,;]\s*') AS i
          WHERE btrim(i) <> '')
  FROM unnest(p_slugs, p_domains, p_payloads) AS u(slug, domain, payload)
  JOIN reference.workflow_field_map m ON m.workflow_slug = u.slug AND m.target = 'funding_rounds'
  CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(u.payload #> m.json_path) = 'array' THEN u.payload #> m.json_path ELSE '[]' END)
    WITH ORDINALITY AS e(r, n)
  WHERE jsonb_typeof(e.r) = 'object'
  RETURNING t.*)
  INSERT INTO pg_temp.hq_company_rounds SELECT * FROM ins;

  -- the entity, named from this batch: for a new company the golden refresh
  -- then finds the name it would write already there (no second write)
  INSERT INTO core.companies (domain, name, linkedin_url)
  SELECT DISTINCT ON (u.domain) u.domain, x.cleaned_name, x.linkedin_url
  FROM unnest(p_domains) AS u(domain) LEFT JOIN pg_temp.hq_company_x x ON x.domain = u.domain
  ORDER BY u.domain, x.cleaned_name NULLS LAST
  ON CONFLICT (domain) DO NOTHING;
  -- the batch's companies (all exist now), locked before any row of theirs
  -- in core is written or read (core.lock_companies: concurrent batches that
  -- share a company serialize; the others run in parallel)
  PERFORM core.lock_companies(p_domains);

  -- dimensions from this batch's extracted rows (pg_temp.hq_company_x); each
  -- distinct raw value is matched once (reference.match_values / match_locations)
  INSERT INTO core.company_names AS t (domain, source, raw_name, cleaned_name, linkedin_url)
  SELECT x.domain, x.source, x.name, x.cleaned_name, x.linkedin_url
  FROM pg_temp.hq_company_x x
  WHERE x.name IS NOT NULL OR x.linkedin_url IS NOT NULL
  ON CONFLICT (domain, source) DO UPDATE SET raw_name = excluded.raw_name, cleaned_name = excluded.cleaned_name,
    linkedin_url = coalesce(excluded.linkedin_url, t.linkedin_url), updated_at = now()
  WHERE (t.raw_name, t.cleaned_name, t.linkedin_url) IS DISTINCT FROM
        (excluded.raw_name, excluded.cleaned_name, coalesce(excluded.linkedin_url, t.linkedin_url));

  INSERT INTO core.company_employee_ranges AS t (domain, source, raw_size, raw_employee_count, matched_employee_range)
  SELECT x.domain, x.source, x.size, x.employee_count,
         CASE WHEN x.employee_count IS NULL THEN m.matched_value
              ELSE reference.match_employee_range(x.size, x.employee_count) END
  FROM pg_temp.hq_company_x x
  LEFT JOIN reference.match_values('employee_range', ARRAY(SELECT c.size FROM pg_temp.hq_company_x c)) m ON m.raw_value = x.size
  WHERE x.size IS NOT NULL OR x.employee_count IS NOT NULL
  ON CONFLICT (domain, source) DO UPDATE SET raw_size = excluded.raw_size, raw_employee_count = excluded.raw_employee_count,
    matched_employee_range = excluded.matched_employee_range, updated_at = now()
  WHERE (t.raw_size, t.raw_employee_count, t.matched_employee_range) IS DISTINCT FROM
        (excluded.raw_size, excluded.raw_employee_count, excluded.matched_employee_range);

  -- type, funding and revenue: one raw and one matched column each, one
  -- statement shape over the name map (identifiers via %I)
  FOR v_dim IN SELECT * FROM reference.single_value_dimensions() LOOP
    EXECUTE format($sql$
      INSERT INTO core.%1$I AS t (domain, source, %2$I, %3$I)
      SELECT x.domain, x.source, x.%4$I, m.matched_value
      FROM pg_temp.hq_company_x x
      JOIN reference.match_values(%5$L, ARRAY(SELECT c.%4$I FROM pg_temp.hq_company_x c)) m ON m.raw_value = x.%4$I
      WHERE x.%4$I IS NOT NULL
      ON CONFLICT (domain, source) DO UPDATE SET %2$I = excluded.%2$I, %3$I = excluded.%3$I, updated_at = now()
      WHERE (t.%2$I, t.%3$I) IS DISTINCT FROM (excluded.%2$I, excluded.%3$I)$sql$,
      v_dim.dimension_table, v_dim.raw_column, v_dim.matched_column, v_dim.extracted_column, v_dim.match_kind);
  END LOOP;

  -- locations: the one location upsert (core.upsert_locations)
  PERFORM core.upsert_locations('company', array_agg(x.domain), array_agg(x.source), array_agg(x.raw_location), array_agg(x.country))
  FROM (SELECT x.domain, x.source, x.country,
               coalesce(CASE WHEN x.city IS NOT NULL THEN concat_ws(', ', x.city, x.state) END, x.location) AS raw_location
        FROM pg_temp.hq_company_x x
        WHERE x.location IS NOT NULL OR x.city IS NOT NULL OR x.country IS NOT NULL) x;

  INSERT INTO core.company_industries AS t (domain, source, raw_industry, raw_industries, matched_industry)
  SELECT x.domain, x.source, x.industry, x.industries,
         coalesce(m.matched_value,
                  (SELECT reference.match_industry(i) FROM jsonb_array_elements_text(x.industries) AS i
                   WHERE reference.match_industry(i) IS NOT NULL LIMIT 1))
  FROM pg_temp.hq_company_x x
  LEFT JOIN reference.match_values('industry', ARRAY(SELECT c.industry FROM pg_temp.hq_company_x c)) m ON m.raw_value = x.industry
  WHERE x.industry IS NOT NULL OR x.industries IS NOT NULL
  ON CONFLICT (domain, source) DO UPDATE SET raw_industry = excluded.raw_industry, raw_industries = excluded.raw_industries,
    matched_industry = excluded.matched_industry, updated_at = now()
  WHERE (t.raw_industry, t.raw_industries, t.matched_industry) IS DISTINCT FROM
        (excluded.raw_industry, excluded.raw_industries, excluded.matched_industry);

  INSERT INTO core.company_descriptions AS t (domain, source, description, tagline)
  SELECT x.domain, x.source, x.description, x.tagline
  FROM pg_temp.hq_company_x x
  WHERE x.description IS NOT NULL OR x.tagline IS NOT NULL
  ON CONFLICT (domain, source) DO UPDATE SET description = excluded.description, tagline = excluded.tagline, updated_at = now()
  WHERE (t.description, t.tagline) IS DISTINCT FROM (excluded.description, excluded.tagline);

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

  PERFORM core.process_company_customers(p_ids, p_slugs, p_domains, p_payloads);

  INSERT INTO reference.company_icp AS t (domain, slug, company_criteria, person_criteria, notes)
  SELECT DISTINCT ON (u.domain) u.domain, u.payload ->> 'slug', u.payload -> 'company_criteria',
         u.payload -> 'person_criteria', u.payload ->> 'notes'
  FROM unnest(p_slugs, p_domains, p_payloads) AS u(slug, domain, payload)
  WHERE u.slug = 'icp-generation'
  ON CONFLICT (domain) DO UPDATE SET slug = excluded.slug, company_criteria = excluded.company_criteria,
    person_criteria = excluded.person_criteria, notes = excluded.notes, updated_at = now()
  WHERE (t.slug, t.company_criteria, t.person_criteria, t.notes) IS DISTINCT FROM
        (excluded.slug, excluded.company_criteria, excluded.person_criteria, excluded.notes);

  PERFORM set_config('hq.in_pipeline', 'off', true);
  PERFORM core.refresh_companies_full(p_domains);
END;
$$;

COMMENT ON FUNCTION core.process_company_batch(uuid[], text[], text[], jsonb[]) IS
  'Set-based company pipeline for validated payloads: extracted rows, dimension upserts (raw + matched), entity, multi-valued rows, golden refresh.';
