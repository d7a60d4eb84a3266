CREATE OR REPLACE FUNCTION core.upsert_person_dimensions()
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Person dimensions for the rows resolved in pg_temp.hq_person_keys
-- (core.resolve_person_keys), keyed by the stored person (e_url) and the
-- workflow's source, from the newest extracted row of each: names, job
-- titles and locations, raw beside matched (core.upsert_locations: a
-- location only replaces one with no more matched parts). Titles and
-- locations repeat across people: each distinct value is matched once.
BEGIN
  INSERT INTO core.person_names AS t (linkedin_url, source, raw_name, cleaned_name)
  SELECT DISTINCT ON (k.e_url, x.source) k.e_url, x.source, x.full_name, btrim(x.full_name)
  FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
  WHERE x.full_name IS NOT NULL
  ORDER BY k.e_url, x.source, x.extracted_at DESC
  ON CONFLICT (linkedin_url, source) DO UPDATE SET raw_name = excluded.raw_name, cleaned_name = excluded.cleaned_name, updated_at = now()
  WHERE (t.raw_name, t.cleaned_name) IS DISTINCT FROM (excluded.raw_name, excluded.cleaned_name);
  WITH latest AS MATERIALIZED (
    SELECT DISTINCT ON (k.e_url, x.source) k.e_url, x.source, x.title
    FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
    WHERE x.title IS NOT NULL
    ORDER BY k.e_url, x.source, x.extracted_at DESC
  ), matched AS MATERIALIZED (
    SELECT * FROM reference.match_job_titles(ARRAY(SELECT DISTINCT latest.title FROM latest))
  )
  INSERT INTO core.person_job_titles AS t (linkedin_url, source, raw_title, matched_cleaned_title, matched_job_function, matched_seniority)
  SELECT latest.e_url, latest.source, latest.title, matched.cleaned_title, matched.job_function, matched.seniority
  FROM latest JOIN matched ON matched.raw_title = latest.title
  ON CONFLICT (linkedin_url, source) DO UPDATE SET raw_title = excluded.raw_title,
    matched_cleaned_title = excluded.matched_cleaned_title, matched_job_function = excluded.matched_job_function,
    matched_seniority = excluded.matched_seniority, updated_at = now()
  WHERE (t.raw_title, t.matched_cleaned_title, t.matched_job_function, t.matched_seniority) IS DISTINCT FROM
        (excluded.raw_title, excluded.matched_cleaned_title, excluded.matched_job_function, excluded.matched_seniority);

  PERFORM core.upsert_locations('person', array_agg(x.e_url), array_agg(x.source), array_agg(x.location), array_agg(x.country))
  FROM (SELECT DISTINCT ON (k.e_url, x.source) k.e_url, x.source, x.location, x.country
        FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
        WHERE x.location IS NOT NULL OR x.country IS NOT NULL
        ORDER BY k.e_url, x.source, x.extracted_at DESC) x;
END;
$$;
COMMENT ON FUNCTION core.upsert_person_dimensions() IS
  'Person names, job titles and locations (raw beside matched) for the batch resolved in pg_temp.hq_person_keys.';
