CREATE OR REPLACE FUNCTION core.resolve_person_keys(p_slugs text[], p_urls text[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Identity of each extracted person row of a batch, into the per-transaction
-- table pg_temp.hq_person_keys (slug, url, source, e_url, merge_from,
-- is_new; the caller sets is_new for people it creates):
-- e_url is the key the person is stored under. A row with a public profile
-- URL keeps it and names in merge_from a Sales Navigator-keyed person that is
-- the same human: the same Sales Navigator id, the same profile URN, or the
-- same normalized name + current company domain + title. A row with only a
-- Sales Navigator id is stored under the public URL already linked to that id
-- (identifiers, or name + company + title), else under the id itself.
-- Never merged on a name alone.
BEGIN
  IF to_regclass('pg_temp.hq_person_keys') IS NULL THEN
    CREATE TEMP TABLE hq_person_keys (
    slug text, url text, source text, e_url text, merge_from text, is_new boolean NOT NULL DEFAULT false) ON COMMIT DROP;
  END IF;
  TRUNCATE pg_temp.hq_person_keys;

  INSERT INTO pg_temp.hq_person_keys (slug, url, source, e_url, merge_from)
  SELECT x.workflow_slug, x.linkedin_url, x.source,
         CASE WHEN pub.is_public THEN x.linkedin_url
              ELSE coalesce(byid.url, urn.url, nm.url, x.linkedin_url) END,
         CASE WHEN pub.is_public THEN coalesce(snid.url, urn.url, nm.url) END
  FROM extracted.person_profile x
  JOIN unnest(p_slugs, p_urls) AS u(slug, url) ON x.linkedin_url = u.url AND x.workflow_slug = u.slug
  CROSS JOIN LATERAL (SELECT NOT core.is_salesnav_key(x.linkedin_url) AS is_public) pub
  -- public row: the person stored under its Sales Navigator id
  LEFT JOIN LATERAL (SELECT p.linkedin_url AS url FROM core.people p
                     WHERE pub.is_public AND p.linkedin_url = x.salesnav_id) snid ON true
  -- Sales Navigator-only row: the public person that id is already linked to
  LEFT JOIN LATERAL (SELECT p.linkedin_url AS url FROM core.person_identifiers i JOIN core.people p ON p.id = i.person_id
                     WHERE NOT pub.is_public AND i.identifier_type = 'salesnav_id' AND i.identifier = x.linkedin_url
                       AND NOT core.is_salesnav_key(p.linkedin_url) LIMIT 1) byid ON true
  -- either row: a person keyed the other way (public vs Sales Navigator) with
  -- the same profile URN, or the same name + current company + title
  LEFT JOIN LATERAL (SELECT p.linkedin_url AS url FROM core.person_identifiers i JOIN core.people p ON p.id = i.person_id
                     WHERE i.identifier_type = 'linkedin_urn' AND i.identifier = x.profile_urn
                       AND core.is_salesnav_key(p.linkedin_url) = pub.is_public LIMIT 1) urn ON true
  LEFT JOIN LATERAL (SELECT f.linkedin_url AS url FROM core.people_full f
                     JOIN core.person_job_titles t ON t.linkedin_url = f.linkedin_url
                     WHERE x.title IS NOT NULL AND x.company_domain IS NOT NULL
                       AND lower(f.full_name) = lower(x.full_name) AND f.company_domain = x.company_domain
                       AND core.is_salesnav_key(f.linkedin_url) = pub.is_public
                       AND reference.normalize_key(t.raw_title) = reference.normalize_key(x.title)
                     LIMIT 1) nm ON true;
  -- the batch's statements join this table to the warehouse: with its true
  -- size (one row for a webhook, not the hundreds its page count suggests)
  -- they probe the key indexes instead of scanning
  ANALYZE pg_temp.hq_person_keys;
END;
$$;
COMMENT ON FUNCTION core.resolve_person_keys(text[], text[]) IS
  'Identity resolution for a person batch: stored key per row and Sales Navigator-keyed people to merge (shared id, URN, or name + company + title).';
