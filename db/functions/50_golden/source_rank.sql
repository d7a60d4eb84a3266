CREATE OR REPLACE FUNCTION reference.source_rank(p_field text, p_source text)
RETURNS integer
LANGUAGE sql
STABLE PARALLEL SAFE
AS $$
  -- Survivorship rank of a source for a field: the field-specific row of
  -- reference.source_priority, else the '*' row, else last (2^30).
  SELECT coalesce(
    (SELECT sp.priority FROM reference.source_priority sp WHERE sp.field = p_field AND sp.source = p_source),
    (SELECT sp.priority FROM reference.source_priority sp WHERE sp.field = '*' AND sp.source = p_source),
    1073741824);
$$;
COMMENT ON FUNCTION reference.source_rank(text, text) IS 'Priority of a source for a field (field row overrides ''*''; unknown sources last); lower wins.';
