CREATE OR REPLACE FUNCTION core.process_company_relations(
  p_ids uuid[], p_slugs text[], p_domains text[], p_payloads jsonb[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- The relationship tables of a company batch, after core.process_company_batch
-- wrote its dimensions: VC firms and the firms behind each investor,
-- technologies with first/last detection, founded years. (Social URLs per
-- platform are the view core.company_social_profiles; unknown industries
-- are listed by reference.unmatched_values.)
BEGIN
  PERFORM core.upsert_vc_firms(p_slugs, p_payloads);
  PERFORM core.resolve_vc_investors(p_domains);
  PERFORM core.upsert_tech_detections(p_slugs, p_domains);
  PERFORM core.upsert_founded_years(p_slugs, p_domains, p_payloads);
END;
$$;
COMMENT ON FUNCTION core.process_company_relations(uuid[], text[], text[], jsonb[]) IS
  'Relationship tables of a company batch (VC firms and investors, technologies, social URLs, founded years, unknown industries).';
