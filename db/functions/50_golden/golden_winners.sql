CREATE OR REPLACE FUNCTION core.golden_winners(p_entity text, p_keys text[])
RETURNS TABLE (key text, col text, val text, source text)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Survivorship for the given companies (p_entity 'company', keys are
-- domains) or people ('person', LinkedIn URLs): for each golden column with
-- a surviving value, the value and the source it came from, by the rule and
-- field map of core.golden_winners_sql. Planned for this call's keys (a
-- dynamic statement): index probes for a webhook's few keys, joins for a
-- bulk batch's thousands.
BEGIN
  RETURN QUERY EXECUTE core.golden_winners_sql(p_entity) USING p_keys;
END;
$$;
COMMENT ON FUNCTION core.golden_winners(text, text[]) IS
  'Survivorship winners (key, golden column, value, source) of the given companies or people, from reference.golden_fields and reference.source_priority.';
