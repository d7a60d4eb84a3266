CREATE OR REPLACE FUNCTION core.raw_table_registration(
  p_schema text, p_table text, OUT key_column text, OUT entity_type text, OUT flat_columns boolean)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- How the ingest stage reads raw table p_schema.p_table, from
-- reference.enrichment_workflow_registry (every workflow of one raw table
-- agrees; tests/sql/10_intake_registry_sync.sql checks it): the raw column
-- holding the entity key, the entity type ('company' or 'person'), and
-- whether the row's fields arrive as flat columns. The one registry lookup
-- of the ingest trigger and of replay; raises 22023 for a table no
-- workflow names.
BEGIN
  SELECT r.key_column, r.entity_type, r.flat_columns INTO key_column, entity_type, flat_columns
  FROM reference.enrichment_workflow_registry r
  WHERE r.raw_table = p_schema || '.' || p_table
  LIMIT 1;
  IF key_column IS NULL THEN
    RAISE EXCEPTION 'no workflow is registered for raw table %.%', p_schema, p_table USING ERRCODE = '22023';
  END IF;
END;
$$;
COMMENT ON FUNCTION core.raw_table_registration(text, text) IS
  'Registry entry of a raw table for the ingest stage: key column, entity type, flat_columns; raises 22023 when unregistered.';
