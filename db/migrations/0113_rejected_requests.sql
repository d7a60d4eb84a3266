-- depends: 0112_idempotency_digest
-- Dead letters of the webhook door: a request to POST /ingest/{slug} that
-- could not be stored as a raw payload (body not JSON, unknown or inactive
-- workflow, malformed envelope) is kept here as received, so nothing sent
-- is lost; api.replay_rejected (hq replay --rejected) re-tries it once the
-- cause is fixed. Written only through api.ingest_reject (hq_ingest), which
-- drops secret headers before they are stored.
CREATE TABLE raw.rejected_requests (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  received_at    timestamptz NOT NULL DEFAULT now(),
  path           text NOT NULL,
  workflow_slug  text,
  entity_key     text,
  headers        jsonb NOT NULL DEFAULT '{}',
  body           bytea NOT NULL,
  error          text NOT NULL,
  status         integer NOT NULL,
  replayed_at    timestamptz,
  raw_id         uuid
);
COMMENT ON TABLE raw.rejected_requests IS
  'Webhook requests refused before storage (not JSON, unknown workflow, bad envelope), kept as received for replay (api.replay_rejected).';
COMMENT ON COLUMN raw.rejected_requests.path IS 'Request path as received (without the query string).';
COMMENT ON COLUMN raw.rejected_requests.workflow_slug IS 'The {workflow_slug} of the path.';
COMMENT ON COLUMN raw.rejected_requests.entity_key IS 'The ?key= query parameter, if any.';
COMMENT ON COLUMN raw.rejected_requests.headers IS 'Request headers, lower-case names, without secrets (x-api-key, authorization, cookie, webhook-signature).';
COMMENT ON COLUMN raw.rejected_requests.body IS 'The body bytes exactly as received.';
COMMENT ON COLUMN raw.rejected_requests.error IS 'Why it was refused (the last replay''s error after a failed replay).';
COMMENT ON COLUMN raw.rejected_requests.status IS 'HTTP status it was answered with.';
COMMENT ON COLUMN raw.rejected_requests.replayed_at IS 'When a replay stored it (then raw_id is set); NULL while still rejected.';
COMMENT ON COLUMN raw.rejected_requests.raw_id IS 'The raw row the replay created.';
CREATE INDEX rejected_requests_pending_idx ON raw.rejected_requests (workflow_slug, received_at) WHERE replayed_at IS NULL;
COMMENT ON INDEX raw.rejected_requests_pending_idx IS 'Requests still to replay, per workflow slug (api.replay_rejected, hq status).';
