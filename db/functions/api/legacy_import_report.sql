CREATE OR REPLACE FUNCTION api.legacy_import_report(p_source text)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- What hq import-legacy has brought in from one legacy database, per legacy
-- table: rows read (checkpoint), raw rows in HQ by workflow and status
-- (found by their idempotency key 'legacy:<table>:<id>'), the most frequent
-- extraction errors of failed rows, rows skipped with the reason, outcome
-- counts of the tables without payloads; and HQ's leads, client leads and
-- open review items. The CLI puts the legacy side's counts beside it.
-- Raw table names come from the registry, quoted with %I.
DECLARE
  v_t record;
  v_raw jsonb := '[]';
  v_part jsonb;
BEGIN
  FOR v_t IN
    SELECT DISTINCT split_part(r.raw_table, '.', 1) AS nsp, split_part(r.raw_table, '.', 2) AS rel
    FROM reference.enrichment_workflow_registry r WHERE to_regclass(r.raw_table) IS NOT NULL
  LOOP
    EXECUTE format($sql$
      SELECT coalesce(jsonb_agg(jsonb_build_object('legacy_table', g.lt, 'workflow_slug', g.workflow_slug, 'raw_table', %L,
                                                   'extracted', g.extracted, 'superseded', g.superseded, 'failed', g.failed,
                                                   'pending', g.pending,
                                                   'errors', (SELECT coalesce(jsonb_agg(jsonb_build_object('error', e.err, 'count', e.n)
                                                                                        ORDER BY e.n DESC, e.err), '[]')
                                                              FROM (SELECT f.extraction_error AS err, count(*) AS n FROM %I.%I f
                                                                    WHERE starts_with(f.idempotency_key, 'legacy:' || g.lt || ':')
                                                                      AND f.workflow_slug = g.workflow_slug AND f.extraction_status = 'failed'
                                                                    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5) e))), '[]')
      FROM (SELECT split_part(t.idempotency_key, ':', 2) AS lt, t.workflow_slug,
                   count(*) FILTER (WHERE t.extraction_status = 'extracted') AS extracted,
                   count(*) FILTER (WHERE t.extraction_status = 'skipped') AS superseded,
                   count(*) FILTER (WHERE t.extraction_status = 'failed') AS failed,
                   count(*) FILTER (WHERE t.extraction_status = 'pending') AS pending
            FROM %I.%I t WHERE starts_with(t.idempotency_key, 'legacy:')
            GROUP BY 1, 2) g$sql$,
      v_t.nsp || '.' || v_t.rel, v_t.nsp, v_t.rel, v_t.nsp, v_t.rel)
      INTO v_part;
    v_raw := v_raw || v_part;
  END LOOP;

  RETURN jsonb_build_object(
    'checkpoints', (SELECT coalesce(jsonb_object_agg(c.legacy_table, c.rows_seen), '{}')
                    FROM reference.legacy_import_checkpoints c WHERE c.source = p_source),
    'raw', v_raw,
    'skipped', (SELECT coalesce(jsonb_agg(jsonb_build_object('legacy_table', s.legacy_table, 'workflow_slug', s.workflow_slug,
                                                             'reason', s.reason, 'rows', s.n) ORDER BY s.legacy_table, s.workflow_slug), '[]')
                FROM (SELECT k.legacy_table, k.workflow_slug, k.reason, count(*) AS n FROM reference.legacy_import_skips k
                      WHERE k.source = p_source GROUP BY 1, 2, 3) s),
    'outcomes', (SELECT coalesce(jsonb_agg(jsonb_build_object('legacy_table', o.legacy_table, 'outcome', o.outcome,
                                                              'reason', NULLIF(o.reason, ''), 'rows', o.rows)
                                           ORDER BY o.legacy_table, o.outcome), '[]')
                 FROM reference.legacy_import_outcomes o WHERE o.source = p_source),
    'review_open', (SELECT count(*) FROM reference.legacy_lookup_review r WHERE r.source = p_source AND r.resolved_at IS NULL),
    'hq_leads', (SELECT count(*) FROM core.leads),
    'hq_client_leads', (SELECT count(*) FROM client.leads));
END;
$$;
COMMENT ON FUNCTION api.legacy_import_report(text) IS
  'hq import-legacy report, HQ side: per legacy table, raw rows by workflow and status with top errors, skips, outcomes, leads.';
