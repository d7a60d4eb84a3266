-- depends: 0014_priority_companies
-- The dashboard's session-signing secret, generated once in the database so
-- every `hq serve` worker (and every server on the same database) signs and
-- verifies the same session cookies. HQ_SESSION_SECRET overrides it.
CREATE TABLE reference.web_secrets (
  name       text PRIMARY KEY,
  secret     text NOT NULL CHECK (length(secret) >= 32),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE reference.web_secrets IS 'Secrets of the dashboard (session cookie signing), generated on first use by api.web_session_secret(); never sent to a browser.';
