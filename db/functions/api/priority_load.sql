CREATE OR REPLACE FUNCTION api.priority_load(p_rows jsonb, p_source text DEFAULT 'manual')
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Load companies into the work list core.priority_companies: a JSON array
-- of objects with a domain (domain | website | company_domain), a name
-- (name | company_name) and a LinkedIn URL (linkedin_url |
-- company_linkedin_url). Domains and URLs are normalized here; the last
-- row of a domain wins; re-loading the same rows changes nothing (a row is
-- only written when a value differs). Returns {rows, inserted, updated,
-- unchanged, invalid, errors:[{row, error}] (first 100)}.
DECLARE
  v_out jsonb;
BEGIN
  IF p_rows IS NULL OR jsonb_typeof(p_rows) <> 'array' THEN
    RAISE EXCEPTION 'companies must be a JSON array of objects' USING ERRCODE = '22023';
  END IF;
  WITH src AS (
    SELECT e.n, e.r,
           core.normalize_domain(coalesce(e.r ->> 'domain', e.r ->> 'website', e.r ->> 'company_domain')) AS domain,
           NULLIF(btrim(coalesce(e.r ->> 'name', e.r ->> 'company_name')), '') AS name,
           core.normalize_linkedin_url(coalesce(e.r ->> 'linkedin_url', e.r ->> 'company_linkedin_url')) AS linkedin_url,
           NULLIF(btrim(coalesce(e.r ->> 'linkedin_url', e.r ->> 'company_linkedin_url')), '') AS linkedin_raw
    FROM jsonb_array_elements(p_rows) WITH ORDINALITY AS e(r, n)
  ), good AS (
    SELECT DISTINCT ON (s.domain) s.domain, s.name, s.linkedin_url
    FROM src s WHERE s.domain IS NOT NULL AND jsonb_typeof(s.r) = 'object'
    ORDER BY s.domain, s.n DESC
  ), up AS (
    INSERT INTO core.priority_companies AS t (domain, name, linkedin_url, source)
    SELECT g.domain, g.name, g.linkedin_url, coalesce(p_source, 'manual') FROM good g
    ON CONFLICT (domain) DO UPDATE
      SET name = excluded.name, linkedin_url = excluded.linkedin_url, source = excluded.source, updated_at = now()
      WHERE (t.name, t.linkedin_url, t.source) IS DISTINCT FROM (excluded.name, excluded.linkedin_url, excluded.source)
    RETURNING t.xmax = '0'::xid AS inserted)
  SELECT jsonb_build_object(
    'rows', (SELECT count(*) FROM src),
    'inserted', (SELECT count(*) FILTER (WHERE up.inserted) FROM up),
    'updated', (SELECT count(*) FILTER (WHERE NOT up.inserted) FROM up),
    'unchanged', (SELECT count(*) FROM good) - (SELECT count(*) FROM up),
    'invalid', (SELECT count(*) FROM src s WHERE s.domain IS NULL OR jsonb_typeof(s.r) <> 'object'),
    'errors', (SELECT coalesce(jsonb_agg(jsonb_build_object('row', x.n, 'error', x.err) ORDER BY x.n), '[]')
               FROM (SELECT s.n, CASE WHEN jsonb_typeof(s.r) <> 'object' THEN 'not an object'
                                      ELSE 'no valid domain: ' || coalesce(left(coalesce(s.r ->> 'domain', s.r ->> 'website', s.r ->> 'company_domain'), 100), 'missing') END AS err
                     FROM src s WHERE s.domain IS NULL OR jsonb_typeof(s.r) <> 'object'
                     ORDER BY s.n LIMIT 100) x))
  INTO v_out;
  RETURN v_out;
END;
$$;
COMMENT ON FUNCTION api.priority_load(jsonb, text) IS 'Upsert companies into the work list core.priority_companies (normalized, idempotent); returns counts and the rows refused.';
