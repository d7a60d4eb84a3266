-- depends: 0012_raw_key_hash_indexes
-- Staging tests field types inside its own statement now (one type test
-- per payload and field, joined to reference.workflow_field_map), so the
-- array form of core.payload_errors has no caller left (functions are
-- re-created on every deploy; one that is gone must be dropped here).
-- squawk-ignore ban-drop-function -- internal to the ingest trigger, no client calls it
DROP FUNCTION IF EXISTS core.payload_errors(uuid[], text[], jsonb[]);
