CREATE OR REPLACE FUNCTION api.person_detail(p_linkedin text)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- One person as a detail page needs it, found by a LinkedIn profile URL in
  -- any form core.normalize_linkedin_url accepts, a bare slug, or a Sales
  -- Navigator id (also when the person is stored under the public URL);
  -- NULL when not found. Shape: {linkedin_url, linkedin_slug, golden:
  -- {field: {value, source}}, dimensions: {name, job_title, location,
  -- tenure: [...]}, work_history, past_employers, identifiers:
  -- {salesnav_id, public_url, all: [...]}, lead: {is_lead, missing: [...]}}.
  WITH u AS (
    SELECT coalesce(core.normalize_linkedin_url(p_linkedin),
                    CASE WHEN btrim(p_linkedin) !~ '[/:?#\s]' AND btrim(p_linkedin) <> ''
                         THEN core.normalize_linkedin_url('linkedin.com/in/' || btrim(p_linkedin)) END) AS url
  ), p AS (
    SELECT pp.* FROM core.people pp, u
    WHERE pp.linkedin_url = coalesce(
      (SELECT x.linkedin_url FROM core.people x WHERE x.linkedin_url = u.url),
      (SELECT x.linkedin_url FROM core.person_identifiers i JOIN core.people x ON x.id = i.person_id
       -- the primary key (identifier_type, identifier): one probe per type
       WHERE i.identifier_type IN ('salesnav_id', 'linkedin_url') AND i.identifier = u.url
       ORDER BY core.is_salesnav_key(x.linkedin_url) LIMIT 1))
  ), g AS (
    SELECT p.*, to_jsonb(f) AS gj, coalesce(f.sources, '{}') AS src, l.linkedin_url IS NOT NULL AS is_lead,
           cf.name AS company_name_golden, cf.country AS company_country
    FROM p LEFT JOIN core.people_full f ON f.linkedin_url = p.linkedin_url
    LEFT JOIN core.leads l ON l.linkedin_url = p.linkedin_url
    LEFT JOIN core.companies_full cf ON cf.domain = f.company_domain
  )
  SELECT jsonb_build_object(
    'linkedin_url', g.linkedin_url,
    'linkedin_slug', g.linkedin_slug,
    'golden', (SELECT coalesce(jsonb_object_agg(e.key, jsonb_build_object('value', e.value, 'source', g.src ->> e.key)), '{}')
               FROM jsonb_each(coalesce(g.gj, '{}') - ARRAY['linkedin_url', 'sources', 'updated_at']) e),
    'updated_at', g.gj -> 'updated_at',
    'dimensions', jsonb_build_object(
      'name', core.dimension_rows('core.person_names'::regclass, 'linkedin_url', g.linkedin_url, g.src, ARRAY['full_name'], 'full_name'),
      'job_title', core.dimension_rows('core.person_job_titles'::regclass, 'linkedin_url', g.linkedin_url, g.src,
                                       ARRAY['cleaned_title', 'job_function', 'seniority'], 'job_function'),
      'location', core.dimension_rows('core.person_locations'::regclass, 'linkedin_url', g.linkedin_url, g.src,
                                      ARRAY['city', 'state', 'country'], 'location'),
      'tenure', core.dimension_rows('core.person_tenure'::regclass, 'linkedin_url', g.linkedin_url, g.src,
                                    ARRAY['job_start_date'], 'company')),
    'work_history', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                              'company_domain', w.company_domain, 'company_name', w.company_name, 'title', w.title,
                              'start_date', w.start_date, 'end_date', w.end_date, 'is_current', w.is_current, 'source', w.source)
                            ORDER BY w.is_current DESC, w.start_date DESC NULLS LAST, w.company_domain, w.source), '[]')
                     FROM core.person_work_history w WHERE w.linkedin_url = g.linkedin_url),
    'past_employers', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                'company_domain', e.company_domain, 'company_name', e.company_name, 'source', e.source)
                              ORDER BY e.company_name, e.company_domain, e.source), '[]')
                       FROM core.person_past_employer e WHERE e.linkedin_url = g.linkedin_url),
    'identifiers', jsonb_build_object(
      'public_url', (SELECT min(i.identifier) FROM core.person_identifiers i
                     WHERE i.person_id = g.id AND NOT core.is_salesnav_key(i.identifier) AND i.identifier LIKE 'https://%'),
      'salesnav_id', (SELECT min(i.identifier) FROM core.person_identifiers i
                      WHERE i.person_id = g.id AND i.identifier_type = 'salesnav_id'),
      'all', (SELECT coalesce(jsonb_agg(jsonb_build_object('type', i.identifier_type, 'identifier', i.identifier, 'source', i.source)
                                        ORDER BY i.identifier_type, i.identifier), '[]')
              FROM core.person_identifiers i WHERE i.person_id = g.id)),
    'lead', jsonb_build_object(
      'is_lead', g.is_lead,
      'missing', CASE WHEN g.is_lead THEN '[]'::jsonb ELSE to_jsonb(array_remove(ARRAY[
        CASE WHEN g.gj ->> 'company_domain' IS NULL THEN 'company_domain' END,
        CASE WHEN g.company_name_golden IS NULL THEN 'company_name' END,
        CASE WHEN g.company_country IS NULL THEN 'company_country' END,
        CASE WHEN g.gj ->> 'country' IS NULL THEN 'person_country' END,
        CASE WHEN g.gj ->> 'job_function' IS NULL THEN 'job_function' END,
        CASE WHEN g.gj ->> 'seniority' IS NULL THEN 'seniority' END], NULL)) END))
  FROM g;
$$;
COMMENT ON FUNCTION api.person_detail(text) IS
  'One person by LinkedIn URL, slug or Sales Navigator id: golden fields with sources, dimension rows, work history, past employers, identifiers, lead status and missing fields; NULL when not found.';
