CREATE OR REPLACE FUNCTION core.upsert_locations(
  p_entity text, p_keys text[], p_sources text[], p_locations text[], p_countries text[])
RETURNS SETOF text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- The one location upsert of the pipeline, for core.company_locations
-- (p_entity 'company', keyed by domain) and core.person_locations ('person',
-- keyed by linkedin_url). The parallel arrays hold one element per
-- (key, source); each distinct (location, country) pair is matched once
-- (reference.match_locations). A stored row is replaced only by a match
-- with at least as many matched parts (city, state, country), so a vaguer
-- source row never erases a precise one. p_countries NULL means the source
-- reports no country: the stored raw_country is kept. Returns the keys of
-- the rows written. Table and key column come from the CASE below (%I).
DECLARE
  v_table text := CASE p_entity WHEN 'company' THEN 'company_locations' WHEN 'person' THEN 'person_locations' END;
  v_key text := CASE p_entity WHEN 'company' THEN 'domain' WHEN 'person' THEN 'linkedin_url' END;
BEGIN
  IF v_table IS NULL THEN
    RAISE EXCEPTION 'core.upsert_locations: entity % is neither company nor person', quote_literal(p_entity)
      USING ERRCODE = '22023';
  END IF;
  IF coalesce(cardinality(p_keys), 0) = 0 THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE format($sql$
    WITH batch AS MATERIALIZED (
      SELECT * FROM unnest($1, $2, $3, $4) AS u(key, source, raw_location, raw_country)
    ), matched AS MATERIALIZED (
      SELECT * FROM reference.match_locations(ARRAY(SELECT batch.raw_location FROM batch), ARRAY(SELECT batch.raw_country FROM batch))
    ), written AS (
      INSERT INTO core.%1$I AS t (%2$I, source, raw_location, raw_country, matched_city, matched_state, matched_country)
      SELECT batch.key, batch.source, batch.raw_location, batch.raw_country, matched.city, matched.state, matched.country
      FROM batch JOIN matched ON coalesce(matched.raw_location, '') = coalesce(batch.raw_location, '')
                             AND coalesce(matched.raw_country, '') = coalesce(batch.raw_country, '')
      ON CONFLICT (%2$I, source) DO UPDATE SET raw_location = excluded.raw_location,
        raw_country = CASE WHEN $5 THEN excluded.raw_country ELSE t.raw_country END,
        matched_city = excluded.matched_city, matched_state = excluded.matched_state,
        matched_country = excluded.matched_country, updated_at = now()
      WHERE num_nonnulls(excluded.matched_city, excluded.matched_state, excluded.matched_country)
            >= num_nonnulls(t.matched_city, t.matched_state, t.matched_country)
        AND (t.raw_location, t.raw_country, t.matched_city, t.matched_state, t.matched_country) IS DISTINCT FROM
            (excluded.raw_location, CASE WHEN $5 THEN excluded.raw_country ELSE t.raw_country END,
             excluded.matched_city, excluded.matched_state, excluded.matched_country)
      RETURNING t.%2$I)
    SELECT written.%2$I FROM written$sql$, v_table, v_key)
  USING p_keys, p_sources, p_locations, p_countries, p_countries IS NOT NULL;
END;
$$;
COMMENT ON FUNCTION core.upsert_locations(text, text[], text[], text[], text[]) IS
  'The location upsert (company or person): match each distinct (location, country) once, keep the stored row unless the new match has at least as many matched parts; returns the keys written.';
