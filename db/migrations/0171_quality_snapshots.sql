-- depends: 0170_dashboard_sessions
-- The data-quality page's figures (coverage per workflow, deliveries per
-- day, coalescing gaps, lead blockers, unmatched values, failed groups) each
-- read whole tables; at a million people they take seconds. They are
-- computed by api.refresh_quality() into this one-row table and the page
-- reads the row (refreshed in the background once it is older than
-- HQ_QUALITY_MAX_AGE seconds, and at once after a write from the page).
CREATE TABLE reference.quality_snapshots (
  name        text PRIMARY KEY,
  data        jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  took_ms     numeric
);
COMMENT ON TABLE reference.quality_snapshots IS 'Dashboard data-quality figures computed by api.refresh_quality() (whole-table aggregates), read by api.quality_snapshot().';
