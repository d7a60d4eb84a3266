-- depends: 0008_people_customers_rematch
-- Indexes the ingest path needs: the canonical industry name in lookup-key
-- form (reference.match_industry's fallback used to normalize all ~430 names
-- per call).

CREATE INDEX IF NOT EXISTS company_industries_key_idx
  ON reference.company_industries (reference.normalize_key(replace(name, '&', 'and')));

-- core.payload_errors became set-based (uuid[], text[], jsonb[]); the
-- per-row form is gone (functions are re-created on every deploy).
-- squawk-ignore ban-drop-function -- internal to the ingest trigger, no client calls it
DROP FUNCTION IF EXISTS core.payload_errors(text, jsonb);

