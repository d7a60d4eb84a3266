CREATE OR REPLACE FUNCTION core.extract_person_profiles(
  p_ids uuid[], p_slugs text[], p_urls text[], p_payloads jsonb[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- A validated person batch (one element per raw row, one row per
-- (person, workflow)) into extracted.person_profile (flat fields read
-- through reference.workflow_field_paths, each payload once), and the
-- experience and education arrays into extracted.person_experience and
-- person_education, replaced as a set per (person, workflow). They are only
-- ever written here, beside their profile row, so only pairs whose profile
-- row existed before this batch can have any to delete (an updated row's
-- new version carries the updater's xmax; an inserted one has none). A
-- profile's current job (latest current experience) then completes its
-- flat fields.
DECLARE
  v_old_urls text[];
  v_old_slugs text[];
BEGIN
  -- flat fields read through reference.workflow_field_paths (one row of JSON
  -- paths per workflow), each payload once
  WITH ins AS (
  INSERT INTO extracted.person_profile AS t (linkedin_url, workflow_slug, source, raw_id, full_name, first_name, last_name,
         title, headline, location, country, company_name, company_domain, company_linkedin_url,
         company_size, company_industry, company_location, raw_job_start, job_start_date, profile_urn, salesnav_id, extracted_at)
  SELECT b.url, b.slug, r.source, b.id,
         coalesce(NULLIF(btrim(b.payload #>> p.name), ''), NULLIF(concat_ws(' ', NULLIF(btrim(b.payload #>> p.first_name), ''), NULLIF(btrim(b.payload #>> p.last_name), '')), '')),
         NULLIF(btrim(b.payload #>> p.first_name), ''), NULLIF(btrim(b.payload #>> p.last_name), ''),
         NULLIF(btrim(b.payload #>> p.title), ''), NULLIF(btrim(b.payload #>> p.headline), ''),
         NULLIF(btrim(b.payload #>> p.location), ''), NULLIF(btrim(b.payload #>> p.country), ''),
         NULLIF(btrim(b.payload #>> p.company_name), ''), core.normalize_domain(b.payload #>> p.company_domain),
         core.normalize_linkedin_url(b.payload #>> p.company_linkedin_url),
         NULLIF(btrim(b.payload #>> p.company_size), ''), NULLIF(btrim(b.payload #>> p.company_industry), ''),
         NULLIF(btrim(b.payload #>> p.company_location), ''),
         NULLIF(btrim(b.payload #>> p.job_start_date), ''), core.parse_partial_date(b.payload #>> p.job_start_date),
         NULLIF(btrim(b.payload #>> p.profile_urn), ''), core.salesnav_id(b.url, b.payload #>> p.profile_urn), now()
  FROM unnest(p_ids, p_slugs, p_urls, p_payloads) AS b(id, slug, url, payload)
  JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = b.slug
  LEFT JOIN reference.workflow_field_paths p ON p.workflow_slug = b.slug
  ON CONFLICT (linkedin_url, workflow_slug) DO UPDATE SET
    source = excluded.source, raw_id = excluded.raw_id, full_name = excluded.full_name, first_name = excluded.first_name,
    last_name = excluded.last_name, title = excluded.title, headline = excluded.headline, location = excluded.location,
    country = excluded.country, company_name = excluded.company_name, company_domain = excluded.company_domain,
    company_linkedin_url = excluded.company_linkedin_url, company_size = excluded.company_size,
    company_industry = excluded.company_industry, company_location = excluded.company_location,
    raw_job_start = excluded.raw_job_start, job_start_date = excluded.job_start_date,
    profile_urn = excluded.profile_urn, salesnav_id = excluded.salesnav_id, extracted_at = excluded.extracted_at
  RETURNING t.linkedin_url, t.workflow_slug, t.xmax <> '0'::xid AS existed)
  SELECT array_agg(ins.linkedin_url) FILTER (WHERE ins.existed), array_agg(ins.workflow_slug) FILTER (WHERE ins.existed)
    INTO v_old_urls, v_old_slugs
  FROM ins;

  IF v_old_urls IS NOT NULL THEN
    DELETE FROM extracted.person_experience e USING unnest(v_old_slugs, v_old_urls) AS u(slug, url)
    WHERE e.linkedin_url = u.url AND e.workflow_slug = u.slug;
    DELETE FROM extracted.person_education e USING unnest(v_old_slugs, v_old_urls) AS u(slug, url)
    WHERE e.linkedin_url = u.url AND e.workflow_slug = u.slug;
  END IF;
  INSERT INTO extracted.person_experience (linkedin_url, workflow_slug, ordinal, company_name, company_domain,
         company_linkedin_url, title, raw_start_date, raw_end_date, start_date, end_date, is_current, locality)
  SELECT u.url, u.slug, e.n::int, NULLIF(btrim(e.j ->> 'company'), ''), core.normalize_domain(e.j ->> 'company_domain'),
         core.normalize_linkedin_url(e.j ->> 'url'), NULLIF(btrim(e.j ->> 'title'), ''),
         e.j ->> 'start_date', e.j ->> 'end_date',
         core.parse_partial_date(e.j ->> 'start_date'), core.parse_partial_date(e.j ->> 'end_date'),
         CASE WHEN jsonb_typeof(e.j -> 'is_current') = 'boolean' THEN (e.j ->> 'is_current')::boolean
              ELSE NULLIF(btrim(e.j ->> 'end_date'), '') IS NULL END,
         NULLIF(btrim(e.j ->> 'locality'), '')
  FROM unnest(p_slugs, p_urls, p_payloads) AS u(slug, url, payload)
  JOIN reference.workflow_field_map m ON m.workflow_slug = u.slug AND m.target = 'experience'
  CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(u.payload #> m.json_path) = 'array' THEN u.payload #> m.json_path ELSE '[]' END)
    WITH ORDINALITY AS e(j, n)
  WHERE jsonb_typeof(e.j) = 'object';

  INSERT INTO extracted.person_education (linkedin_url, workflow_slug, ordinal, school_name, degree, field_of_study, start_date, end_date)
  SELECT u.url, u.slug, e.n::int, NULLIF(btrim(e.j ->> 'school_name'), ''), NULLIF(btrim(e.j ->> 'degree'), ''),
         NULLIF(btrim(e.j ->> 'field_of_study'), ''),
         core.parse_partial_date(e.j ->> 'start_date'), core.parse_partial_date(e.j ->> 'end_date')
  FROM unnest(p_slugs, p_urls, p_payloads) AS u(slug, url, payload)
  JOIN reference.workflow_field_map m ON m.workflow_slug = u.slug AND m.target = 'education'
  CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(u.payload #> m.json_path) = 'array' THEN u.payload #> m.json_path ELSE '[]' END)
    WITH ORDINALITY AS e(j, n)
  WHERE jsonb_typeof(e.j) = 'object';

  -- a profile's current job (latest current experience) completes its flat fields
  UPDATE extracted.person_profile x
     SET company_name = coalesce(x.company_name, c.company_name),
         company_domain = coalesce(x.company_domain, c.company_domain),
         company_linkedin_url = coalesce(x.company_linkedin_url, c.company_linkedin_url),
         title = coalesce(x.title, c.title),
         raw_job_start = coalesce(x.raw_job_start, c.raw_start_date),
         job_start_date = coalesce(x.job_start_date, c.start_date)
    FROM (SELECT DISTINCT ON (e.linkedin_url, e.workflow_slug) e.*
          FROM extracted.person_experience e
          JOIN unnest(p_slugs, p_urls) AS u(slug, url) ON e.linkedin_url = u.url AND e.workflow_slug = u.slug
          WHERE e.is_current
          ORDER BY e.linkedin_url, e.workflow_slug, e.start_date DESC NULLS LAST, e.ordinal) c
   WHERE x.linkedin_url = c.linkedin_url AND x.workflow_slug = c.workflow_slug;
END;
$$;
COMMENT ON FUNCTION core.extract_person_profiles(uuid[], text[], text[], jsonb[]) IS
  'Person batch into extracted.person_profile, person_experience and person_education (replaced per person and workflow).';
