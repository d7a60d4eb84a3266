CREATE OR REPLACE FUNCTION core.merge_people(p_from text[], p_to text[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Re-key people (p_from[i] -> p_to[i], e.g. a Sales Navigator id URL to the
-- public profile URL): the target person is created if needed, identifiers
-- move to it, every person dimension and multi-valued row moves unless the
-- target already has that row (then the target's row wins), and the old
-- person, golden row and lead are removed. Returns how many people merged.
DECLARE
  v_table record;
  v_n integer;
BEGIN
  INSERT INTO core.people (linkedin_url, linkedin_slug, full_name)
  SELECT DISTINCT ON (m.to_url) m.to_url, core.linkedin_slug(m.to_url), p.full_name
  FROM unnest(p_from, p_to) AS m(from_url, to_url) JOIN core.people p ON p.linkedin_url = m.from_url
  ORDER BY m.to_url
  ON CONFLICT (linkedin_url) DO NOTHING;

  UPDATE core.person_identifiers i SET person_id = pt.id
  FROM unnest(p_from, p_to) AS m(from_url, to_url)
  JOIN core.people pf ON pf.linkedin_url = m.from_url
  JOIN core.people pt ON pt.linkedin_url = m.to_url
  WHERE i.person_id = pf.id;

  -- each keyed table: (table, columns that with linkedin_url make a row unique)
  FOR v_table IN
    SELECT * FROM (VALUES ('person_names', '{source}'::text[]), ('person_job_titles', '{source}'),
                          ('person_locations', '{source}'),
                          ('person_work_history', '{company_domain,title,start_date,source}'),
                          ('person_tenure', '{company_domain,source}'),
                          ('person_past_employer', '{company_domain,company_name,source}')) AS t(name, cols)
  LOOP
    EXECUTE format(
      'UPDATE core.%1$I t SET linkedin_url = m.to_url, updated_at = now()
         FROM unnest($1, $2) AS m(from_url, to_url)
        WHERE t.linkedin_url = m.from_url
          AND NOT EXISTS (SELECT 1 FROM core.%1$I o WHERE o.linkedin_url = m.to_url AND %2$s)',
      v_table.name,
      (SELECT string_agg(format('o.%1$I IS NOT DISTINCT FROM t.%1$I', c), ' AND ') FROM unnest(v_table.cols) AS c))
    USING p_from, p_to;
    EXECUTE format('DELETE FROM core.%I t USING unnest($1) AS f(url) WHERE t.linkedin_url = f.url', v_table.name)
    USING p_from;
  END LOOP;

  DELETE FROM core.leads l USING unnest(p_from) AS f(url) WHERE l.linkedin_url = f.url;
  DELETE FROM core.people_full g USING unnest(p_from) AS f(url) WHERE g.linkedin_url = f.url;
  DELETE FROM core.people p USING unnest(p_from, p_to) AS m(from_url, to_url)
  WHERE p.linkedin_url = m.from_url AND m.from_url <> m.to_url;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n;
END;
$$;
COMMENT ON FUNCTION core.merge_people(text[], text[]) IS
  'Re-key people from one LinkedIn URL to another (Sales Navigator id -> public profile): identifiers, dimensions, work history; old golden row and lead removed.';
