CREATE OR REPLACE FUNCTION core.lock_companies(p_domains text[], p_shared boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql
VOLATILE
AS $$
-- Row locks on the core.companies rows of the given domains, taken in domain
-- order. A writer of a company's golden row takes them exclusive (FOR NO KEY
-- UPDATE); a reader that derives leads from it takes them shared (FOR
-- SHARE). Without them a person batch (deriving a lead from the golden
-- company it sees) and a concurrent company batch (refreshing the leads of
-- the people it sees at that company) each miss the other's uncommitted
-- rows, and the lead is lost.
-- Only rows that exist can be locked, so a writer inserts its companies
-- first (ordered by domain, ON CONFLICT DO NOTHING): an insert that meets a
-- concurrent uncommitted insert of the same domain waits for that
-- transaction to end. Row locks live in the tuples, not in the shared lock
-- table, so a batch may lock any number of companies, and batches with no
-- company in common run in parallel. Rows this transaction wrote itself
-- at top level (xmin is its xid) are invisible to others: skipped. Rows a
-- subtransaction wrote (the ingest trigger runs each batch in one) carry
-- the subtransaction's xid and are locked like any other, which costs one
-- WAL record each (measured: about 1% of a company batch).
BEGIN
  IF p_shared THEN
    PERFORM 1 FROM core.companies c
    WHERE c.domain IN (SELECT d.domain FROM unnest(p_domains) AS d(domain))
      AND c.xmin <> pg_catalog.pg_current_xact_id()::xid
    ORDER BY c.domain
    FOR SHARE OF c;
  ELSE
    PERFORM 1 FROM core.companies c
    WHERE c.domain IN (SELECT d.domain FROM unnest(p_domains) AS d(domain))
      AND c.xmin <> pg_catalog.pg_current_xact_id()::xid
    ORDER BY c.domain
    FOR NO KEY UPDATE OF c;
  END IF;
END;
$$;
COMMENT ON FUNCTION core.lock_companies(text[], boolean) IS
  'Row locks on core.companies in domain order: exclusive (FOR NO KEY UPDATE) for golden-row writers, shared (FOR SHARE) for lead readers; callers insert new companies first.';
