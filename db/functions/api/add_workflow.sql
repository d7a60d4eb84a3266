CREATE OR REPLACE FUNCTION api.add_workflow(
  p_slug text, p_entity_type text, p_raw_table text, p_key_column text, p_source text, p_payload_key text,
  p_field_map jsonb, p_description text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Register a flat provider as data (hq workflows add --apply): the registry
-- row (extracted into extracted.company_profile or person_profile, like the
-- built-in flat workflows, so the same pipeline extracts, matches and
-- coalesces it), its field map (p_field_map: [{target, json_path, expected_type}],
-- targets the extractors know, per reference.workflow_field_hints), and a
-- default source priority (after every other source) when the source has
-- none. A raw table that does not exist yet is created in schema raw with
-- the standard raw layout and its ingest trigger. Identifiers via %I.
DECLARE
  v_nsp text := split_part(p_raw_table, '.', 1);
  v_rel text := split_part(p_raw_table, '.', 2);
  v_other text;
  v_bad text;
  v_created boolean := false;
  v_core text[];
BEGIN
  IF p_slug IS NULL OR p_slug !~ '^[a-z0-9][a-z0-9-]{1,62}$' THEN
    RAISE EXCEPTION 'workflow slug % must be lower-case letters, digits and dashes', coalesce(quote_literal(p_slug), 'NULL') USING ERRCODE = '22023';
  ELSIF EXISTS (SELECT 1 FROM reference.enrichment_workflow_registry r WHERE r.workflow_slug = p_slug) THEN
    RAISE EXCEPTION 'workflow % is already registered', quote_literal(p_slug) USING ERRCODE = '23505';
  ELSIF p_entity_type IS NULL OR p_entity_type NOT IN ('company', 'person') THEN
    RAISE EXCEPTION 'entity must be company or person' USING ERRCODE = '22023';
  ELSIF v_nsp <> 'raw' OR v_rel !~ '^[a-z][a-z0-9_]{1,62}$' THEN
    RAISE EXCEPTION 'raw table % must be raw.<name> (lower case)', coalesce(quote_literal(p_raw_table), 'NULL') USING ERRCODE = '22023';
  ELSIF coalesce(p_source, '') !~ '^[a-z][a-z0-9_]*$' THEN
    RAISE EXCEPTION 'source % must be a lower-case word', coalesce(quote_literal(p_source), 'NULL') USING ERRCODE = '22023';
  ELSIF coalesce(p_key_column, '') !~ '^[a-z][a-z0-9_]*$' OR coalesce(p_payload_key, '') = '' THEN
    RAISE EXCEPTION 'a key column (raw table) and a payload key (JSON) are required' USING ERRCODE = '22023';
  END IF;
  SELECT m.t INTO v_bad
  FROM jsonb_array_elements(coalesce(p_field_map, '[]')) AS e(f) CROSS JOIN LATERAL (SELECT e.f ->> 'target' AS t) m
  WHERE NOT EXISTS (SELECT 1 FROM reference.workflow_field_hints h WHERE h.entity_type = p_entity_type AND h.target = m.t AND h.target <> '_key')
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'field % is not one a % workflow can feed (reference.workflow_field_hints)', coalesce(quote_literal(v_bad), 'NULL'), p_entity_type
      USING ERRCODE = '22023';
  END IF;

  IF to_regclass(p_raw_table) IS NULL THEN
    EXECUTE format($sql$CREATE TABLE %I.%I (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), %I text, workflow_slug text NOT NULL,
      provider text, platform text, payload_type text, raw_payload jsonb NOT NULL, idempotency_key text UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed', 'skipped')),
      extraction_error text, processed_at timestamptz)$sql$, v_nsp, v_rel, p_key_column);
    EXECUTE format('CREATE INDEX ON %I.%I USING hash (%I)', v_nsp, v_rel, p_key_column);
    EXECUTE format('COMMENT ON TABLE %I.%I IS %L', v_nsp, v_rel,
                   format('Payloads of workflow %s (registered with hq workflows add), kept exactly as received; only status columns change.', p_slug));
    EXECUTE format('CREATE TRIGGER ingest AFTER INSERT ON %I.%I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_ingest()',
                   v_nsp, v_rel);
    v_created := true;
  ELSIF NOT core.has_column(p_raw_table, p_key_column) THEN
    RAISE EXCEPTION '% has no column %', p_raw_table, quote_ident(p_key_column) USING ERRCODE = '22023';
  END IF;
  SELECT r.key_column || ' (' || r.entity_type || ')' INTO v_other FROM reference.enrichment_workflow_registry r
  WHERE r.raw_table = p_raw_table AND (r.key_column <> p_key_column OR r.entity_type <> p_entity_type) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'the workflows of % are keyed by %; use that key column and entity, or another raw table', p_raw_table, v_other
      USING ERRCODE = '22023';
  END IF;

  SELECT array_agg(DISTINCT h.core_table ORDER BY h.core_table) INTO v_core
  FROM jsonb_array_elements(coalesce(p_field_map, '[]')) AS e(f)
  JOIN reference.workflow_field_hints h ON h.entity_type = p_entity_type AND h.target = e.f ->> 'target'
  WHERE h.core_table LIKE 'core.%';
  INSERT INTO reference.enrichment_workflow_registry (workflow_slug, provider, platform, payload_type, entity_type, source, raw_table,
         extracted_table, core_tables, key_column, payload_key, coalesces_to_core, description)
  VALUES (p_slug, p_source, p_source, p_entity_type || '_profile', p_entity_type, p_source, p_raw_table,
          'extracted.' || p_entity_type || '_profile', coalesce(v_core, '{}'), p_key_column, p_payload_key, true,
          coalesce(p_description, 'Flat ' || p_entity_type || ' payloads from ' || p_source || ' (hq workflows add)'));
  INSERT INTO reference.workflow_field_map (workflow_slug, target, json_path, expected_type)
  SELECT p_slug, e.f ->> 'target', ARRAY(SELECT jsonb_array_elements_text(e.f -> 'json_path')), coalesce(e.f ->> 'expected_type', 'scalar')
  FROM jsonb_array_elements(coalesce(p_field_map, '[]')) AS e(f);
  INSERT INTO reference.source_priority (field, source, priority)
  SELECT '*', p_source, coalesce(max(sp.priority), 0) + 1 FROM reference.source_priority sp
  HAVING NOT EXISTS (SELECT 1 FROM reference.source_priority x WHERE x.source = p_source);
  RETURN jsonb_build_object('workflow_slug', p_slug, 'raw_table', p_raw_table, 'raw_table_created', v_created,
                            'fields', jsonb_array_length(coalesce(p_field_map, '[]')), 'core_tables', to_jsonb(coalesce(v_core, '{}')),
                            'source_priority', (SELECT min(sp.priority) FROM reference.source_priority sp WHERE sp.source = p_source AND sp.field = '*'));
END;
$$;
COMMENT ON FUNCTION api.add_workflow(text, text, text, text, text, text, jsonb, text) IS
  'Register a flat workflow as data: registry row, field map, default source priority (and the raw table with its ingest trigger when new).';
