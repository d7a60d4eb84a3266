CREATE OR REPLACE FUNCTION core.has_column(p_table text, p_column text)
RETURNS boolean
LANGUAGE sql
STABLE
AS $$
  -- Whether table 'schema.table' has the column (false for an unknown table).
  SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                 WHERE a.attrelid = to_regclass(p_table) AND a.attname = p_column AND NOT a.attisdropped);
$$;
COMMENT ON FUNCTION core.has_column(text, text) IS 'True when the named table has the named column.';
