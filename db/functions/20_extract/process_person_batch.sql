CREATE OR REPLACE FUNCTION core.process_person_batch(
  p_ids uuid[], p_slugs text[], p_urls text[], p_payloads jsonb[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- The person pipeline for a validated batch (one element per raw row, one
-- row per (person, workflow)), stage by stage: extracted rows
-- (core.extract_person_profiles), identity (core.resolve_person_keys:
-- Sales Navigator ids merged with public profiles on a shared identifier
-- or the same name + company + title; core.merge_people), the entity and
-- its identifiers, dimensions (core.upsert_person_dimensions), work
-- history, tenure and past employers (core.upsert_person_jobs), the
-- companies seen (core.upsert_companies_seen), then the golden rows and
-- leads of everything touched. hq.in_pipeline is on while dimensions are
-- written, so the dimension triggers do not refresh golden rows once per
-- statement.
DECLARE
  v_from text[];
  v_to text[];
  v_domains text[];
  v_people text[];
BEGIN
  PERFORM set_config('hq.in_pipeline', 'on', true);
  PERFORM core.extract_person_profiles(p_ids, p_slugs, p_urls, p_payloads);

  -- identity: which stored person each row is (pg_temp.hq_person_keys)
  PERFORM core.resolve_person_keys(p_slugs, p_urls);

  -- Sales Navigator-keyed people now known under a public URL are re-keyed
  SELECT array_agg(k.merge_from), array_agg(k.e_url) INTO v_from, v_to
  FROM (SELECT DISTINCT k.merge_from, k.e_url FROM pg_temp.hq_person_keys k WHERE k.merge_from IS NOT NULL) k;
  IF v_from IS NOT NULL THEN
    PERFORM core.merge_people(v_from, v_to);
  END IF;

  -- people new to the warehouse have no core rows yet: marked is_new, they
  -- skip the deletes of stale work history and tenure
  WITH created AS (
  INSERT INTO core.people (linkedin_url, linkedin_slug, full_name)
  SELECT DISTINCT ON (k.e_url) k.e_url, core.linkedin_slug(k.e_url), x.full_name
  FROM pg_temp.hq_person_keys k
  JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
  ORDER BY k.e_url, x.full_name NULLS LAST
  ON CONFLICT (linkedin_url) DO NOTHING
  RETURNING linkedin_url)
  UPDATE pg_temp.hq_person_keys k SET is_new = true FROM created WHERE k.e_url = created.linkedin_url;

  INSERT INTO core.person_identifiers (person_id, identifier_type, identifier, source)
  SELECT DISTINCT ON (i.t, i.v) p.id, i.t, i.v, x.source
  FROM pg_temp.hq_person_keys k
  JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
  JOIN core.people p ON p.linkedin_url = k.e_url
  CROSS JOIN LATERAL (VALUES ('linkedin_url', CASE WHEN NOT core.is_salesnav_key(k.e_url) THEN k.e_url END),
                             ('salesnav_id', x.salesnav_id),
                             ('linkedin_urn', x.profile_urn)) AS i(t, v)
  WHERE i.v IS NOT NULL
  ORDER BY i.t, i.v, p.id
  ON CONFLICT (identifier_type, identifier) DO NOTHING;

  PERFORM core.upsert_person_dimensions();
  PERFORM core.upsert_person_jobs();
  -- golden companies: only those whose rows this batch wrote
  v_domains := core.upsert_companies_seen();
  SELECT array_agg(DISTINCT k.e_url) INTO v_people FROM pg_temp.hq_person_keys k;

  PERFORM set_config('hq.in_pipeline', 'off', true);
  PERFORM core.refresh_companies_full(coalesce(v_domains, '{}'));
  PERFORM core.refresh_people_full(v_people);
END;
$$;
COMMENT ON FUNCTION core.process_person_batch(uuid[], text[], text[], jsonb[]) IS
  'Set-based person pipeline for validated payloads: extracted rows, identity resolution and merges, dimensions, work history, companies seen, golden people and leads.';
