CREATE OR REPLACE FUNCTION core.transition_keys_sql(p_op text, p_column text)
RETURNS text
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- The query that collects, in a statement-level trigger, the distinct
  -- non-NULL values of column p_column over the statement's transition
  -- tables (new_rows for INSERT, old_rows for DELETE, both for UPDATE),
  -- sorted, as one text[]. Transition tables are visible only to the
  -- trigger function's own statements, so the trigger runs it:
  --   EXECUTE core.transition_keys_sql(TG_OP, 'domain') INTO v_keys;
  -- The column name is quoted with %I.
  SELECT format('SELECT ARRAY(SELECT DISTINCT s.k FROM (%s) s(k) WHERE s.k IS NOT NULL ORDER BY 1)::text[]',
                CASE p_op
                  WHEN 'INSERT' THEN format('SELECT n.%I FROM new_rows n', p_column)
                  WHEN 'DELETE' THEN format('SELECT o.%I FROM old_rows o', p_column)
                  ELSE format('SELECT n.%1$I FROM new_rows n UNION ALL SELECT o.%1$I FROM old_rows o', p_column)
                END);
$$;
COMMENT ON FUNCTION core.transition_keys_sql(text, text) IS
  'Query text collecting the distinct non-NULL values of a column over a trigger''s transition tables (new_rows/old_rows by TG_OP); run with EXECUTE in the trigger.';
