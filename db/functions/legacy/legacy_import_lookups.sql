CREATE OR REPLACE FUNCTION core.legacy_import_lookups(p_source text, p_legacy_table text, p_kind text)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER  -- run by hq import-legacy as the deploying user, over its session's temp table
SET search_path = pg_catalog, pg_temp
AS $$
-- Staged curated lookups (pg_temp.legacy_batch) -> HQ's lookup tables.
-- job_titles: latest_title -> reference.job_title_lookup (cleaned_job_title,
-- job_function, seniority_level); locations: location_name ->
-- reference.location_lookup (city, state, country). Values are matched to
-- HQ's canonical lists case-insensitively (countries through their
-- aliases); a value outside them is not imported but listed in
-- reference.legacy_lookup_review, and the rest of the row is. A key HQ
-- already maps keeps HQ's mapping. The lookup tables' own triggers
-- normalize keys and rematch what they affect. Returns rows inserted.
DECLARE
  v_total bigint;
  v_ins bigint;
  v_review bigint;
  v_empty bigint;
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS hq_legacy_lookup (
    raw_key text, a text, b text, c text, a_raw text, b_raw text, c_raw text, b_canon text, c_canon text) ON COMMIT DROP;
  TRUNCATE pg_temp.hq_legacy_lookup;
  IF p_kind = 'job_titles' THEN
    INSERT INTO pg_temp.hq_legacy_lookup
    SELECT b.legacy_id, NULLIF(btrim(p.j ->> 'cleaned_job_title'), ''), jf.name, sn.name,
           NULL, NULLIF(btrim(p.j ->> 'job_function'), ''), NULLIF(btrim(p.j ->> 'seniority_level'), ''),
           'not one of reference.job_functions', 'not one of reference.seniorities'
    FROM pg_temp.legacy_batch b CROSS JOIN LATERAL (SELECT b.payload::jsonb AS j) p
    LEFT JOIN reference.job_functions jf ON lower(jf.name) = lower(btrim(p.j ->> 'job_function'))
    LEFT JOIN reference.seniorities sn ON lower(sn.name) = lower(btrim(p.j ->> 'seniority_level'));
  ELSE
    INSERT INTO pg_temp.hq_legacy_lookup
    SELECT b.legacy_id, NULLIF(btrim(p.j ->> 'city'), ''), NULLIF(btrim(p.j ->> 'state'), ''),
           coalesce(cn.name, ca.name), NULL, NULL, NULLIF(btrim(p.j ->> 'country'), ''),
           NULL, 'not a country of reference.countries (nor an alias)'
    FROM pg_temp.legacy_batch b CROSS JOIN LATERAL (SELECT b.payload::jsonb AS j) p
    LEFT JOIN reference.countries cn ON lower(cn.name) = lower(btrim(p.j ->> 'country'))
    LEFT JOIN LATERAL (SELECT c.name FROM reference.country_aliases a JOIN reference.countries c ON c.code2 = a.country_code
                       WHERE a.alias = reference.normalize_key(p.j ->> 'country')) ca ON true;
  END IF;

  WITH r AS (
    INSERT INTO reference.legacy_lookup_review (source, lookup, raw_key, field, legacy_value, reason)
    SELECT p_source, p_legacy_table, l.raw_key, f.field, f.val, f.reason
    FROM pg_temp.hq_legacy_lookup l
    CROSS JOIN LATERAL (VALUES (CASE p_kind WHEN 'job_titles' THEN 'job_function' ELSE 'state' END, l.b_raw, l.b, l.b_canon),
                               (CASE p_kind WHEN 'job_titles' THEN 'seniority' ELSE 'country' END, l.c_raw, l.c, l.c_canon)) AS f(field, val, canon_value, reason)
    WHERE f.val IS NOT NULL AND f.canon_value IS NULL
    ON CONFLICT (source, lookup, raw_key, field) DO UPDATE SET legacy_value = excluded.legacy_value
    RETURNING raw_key)
  SELECT count(DISTINCT r.raw_key) INTO v_review FROM r;

  IF p_kind = 'job_titles' THEN
    INSERT INTO reference.job_title_lookup (raw_title, cleaned_title, job_function, seniority)
    SELECT l.raw_key, l.a, l.b, l.c FROM pg_temp.hq_legacy_lookup l WHERE num_nonnulls(l.a, l.b, l.c) > 0
    ON CONFLICT (raw_title) DO NOTHING;
  ELSE
    INSERT INTO reference.location_lookup (raw_location, city, state, country)
    SELECT l.raw_key, l.a, l.b, l.c FROM pg_temp.hq_legacy_lookup l WHERE num_nonnulls(l.a, l.b, l.c) > 0
    ON CONFLICT (raw_location) DO NOTHING;
  END IF;
  GET DIAGNOSTICS v_ins = ROW_COUNT;
  SELECT count(*), count(*) FILTER (WHERE num_nonnulls(l.a, l.b, l.c) = 0) INTO v_total, v_empty FROM pg_temp.hq_legacy_lookup l;
  PERFORM core.legacy_import_tally(p_source, p_legacy_table,
    ARRAY['imported', 'already_present', 'not_imported', 'fields_to_review'],
    ARRAY['', 'HQ already maps this key (kept HQ''s mapping)', 'no value in HQ''s canonical lists (see reference.legacy_lookup_review)',
          'rows with a value outside HQ''s canonical lists (reference.legacy_lookup_review)'],
    ARRAY[v_ins, v_total - v_empty - v_ins, v_empty, v_review]);
  RETURN v_ins;
END;
$$;
COMMENT ON FUNCTION core.legacy_import_lookups(text, text, text) IS
  'hq import-legacy: curated legacy job-title and location lookups -> HQ lookups; non-canonical values to reference.legacy_lookup_review.';
