CREATE OR REPLACE FUNCTION core.lock_companies(p_domains text[], p_shared boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql
VOLATILE
AS $$
-- Transaction-level advisory locks on companies. A writer of a company's
-- golden row takes its lock exclusive; a reader that derives leads from it
-- takes it shared. Without them a person batch (deriving a lead from the
-- golden company it sees) and a concurrent company batch (refreshing the
-- leads of the people it sees at that company) each miss the other's
-- uncommitted rows, and the lead is lost.
-- A domain maps to one of 64 stripes (hashtext & 63), so a transaction holds
-- at most 64 such locks however many companies it touches (the lock table
-- is shared memory); two domains on one stripe only serialize a little
-- more. Stripes are taken in ascending order, so two sessions never wait on
-- each other crosswise; re-taking a held lock returns at once.
DECLARE
  v_stripe integer;
BEGIN
  FOREACH v_stripe IN ARRAY ARRAY(SELECT DISTINCT pg_catalog.hashtext(d.domain) & 63
                                  FROM unnest(p_domains) AS d(domain) WHERE d.domain IS NOT NULL ORDER BY 1) LOOP
    IF p_shared THEN
      PERFORM pg_catalog.pg_advisory_xact_lock_shared(pg_catalog.hashtext('hq.company'), v_stripe);
    ELSE
      PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('hq.company'), v_stripe);
    END IF;
  END LOOP;
END;
$$;
COMMENT ON FUNCTION core.lock_companies(text[], boolean) IS
  'Advisory transaction locks on companies (64 stripes, ascending order): exclusive for golden-row writers, shared for lead readers.';
