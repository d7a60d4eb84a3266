CREATE OR REPLACE FUNCTION core.lock_companies(p_domains text[], p_shared boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql
VOLATILE
AS $$
-- Transaction-level advisory locks on companies (one per domain, taken in
-- one fixed order, so two sessions never wait on each other crosswise). A
-- writer of a company's golden row takes it exclusive; a reader that
-- derives leads from it takes it shared. Without them a person batch
-- (deriving a lead from the golden company it sees) and a concurrent
-- company batch (refreshing the leads of the people it sees at that
-- company) each miss the other's uncommitted rows, and the lead is lost.
-- Re-taking a lock the transaction holds returns at once.
BEGIN
  IF p_shared THEN
    PERFORM pg_catalog.pg_advisory_xact_lock_shared(k.key)
    FROM (SELECT DISTINCT pg_catalog.hashtextextended('hq.company:' || d.domain, 0) AS key
          FROM unnest(p_domains) AS d(domain) WHERE d.domain IS NOT NULL ORDER BY 1) AS k;
  ELSE
    PERFORM pg_catalog.pg_advisory_xact_lock(k.key)
    FROM (SELECT DISTINCT pg_catalog.hashtextextended('hq.company:' || d.domain, 0) AS key
          FROM unnest(p_domains) AS d(domain) WHERE d.domain IS NOT NULL ORDER BY 1) AS k;
  END IF;
END;
$$;
COMMENT ON FUNCTION core.lock_companies(text[], boolean) IS
  'Advisory transaction locks on companies, in a fixed order: exclusive for golden-row writers, shared for lead readers.';
