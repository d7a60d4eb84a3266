CREATE OR REPLACE FUNCTION core.process_company_batch(
  p_ids uuid[], p_slugs text[], p_domains text[], p_payloads jsonb[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- The company pipeline for a validated batch (one element per raw row,
-- one row per (domain, workflow)), stage by stage: extracted rows
-- (core.extract_company_profiles, core.extract_company_lists), the entity
-- and its lock, dimensions (core.upsert_company_dimensions), multi-valued
-- rows (core.upsert_company_lists), customers
-- (core.process_company_customers), the ICP of icp-generation payloads,
-- and the golden rows of the batch's domains (core.refresh_companies_full).
-- hq.in_pipeline is on while dimensions are written, so the dimension
-- triggers do not refresh golden rows once per statement.
DECLARE
  v_stored record;
BEGIN
  PERFORM set_config('hq.in_pipeline', 'on', true);

  SELECT * INTO v_stored FROM core.extract_company_profiles(p_ids, p_slugs, p_domains, p_payloads);
  PERFORM core.extract_company_lists(p_slugs, p_domains, p_payloads, v_stored.stored_slugs, v_stored.stored_domains);

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

  PERFORM core.upsert_company_dimensions();
  PERFORM core.upsert_company_lists(p_slugs, p_domains, p_payloads);
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
  'Company pipeline for a validated batch: extraction, entity and lock, dimension and multi-valued upserts, customers, ICP, golden refresh.';
