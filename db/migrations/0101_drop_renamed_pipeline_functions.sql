-- depends: 0100_registry_flat_columns
-- Functions are re-created on every deploy from db/functions; one that was
-- renamed or removed there must be dropped here, or the old copy lingers.
-- squawk-ignore ban-drop-function -- internal to the ingest pipeline, no client calls them
DROP FUNCTION IF EXISTS core.ingest_stage_sql(text, text, boolean);  -- now core.build_staging_sql
-- squawk-ignore ban-drop-function
DROP FUNCTION IF EXISTS core.ingest_staged(text, text);  -- now core.process_staged_batch
-- squawk-ignore ban-drop-function
DROP FUNCTION IF EXISTS raw.tg_company_ingest() CASCADE;  -- the ingest trigger's name before 0008
