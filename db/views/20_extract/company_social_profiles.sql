CREATE OR REPLACE VIEW core.company_social_profiles AS
  -- One row per company, one column per platform, from core.company_social_urls
  -- (every source): the URL of the best-ranked source (reference.source_priority)
  -- for each platform, named by the URL's host (x.com counts as twitter).
  WITH s AS (
    SELECT u.domain, u.url, u.source, u.updated_at,
           CASE split_part(regexp_replace(lower(u.url), '^https?://([a-z]{2,3}\.)?(www\.)?', ''), '.', 1)
             WHEN 'x' THEN 'twitter' WHEN 'angel' THEN 'angellist' WHEN 'fb' THEN 'facebook' WHEN 'youtu' THEN 'youtube'
             ELSE split_part(regexp_replace(lower(u.url), '^https?://([a-z]{2,3}\.)?(www\.)?', ''), '.', 1) END AS platform
    FROM core.company_social_urls u
  ), best AS (
    SELECT DISTINCT ON (s.domain, s.platform) s.domain, s.platform, s.url
    FROM s ORDER BY s.domain, s.platform, reference.source_rank('social_urls', s.source), s.updated_at DESC
  )
  SELECT b.domain,
         max(b.url) FILTER (WHERE b.platform = 'linkedin') AS linkedin_url,
         max(b.url) FILTER (WHERE b.platform = 'twitter') AS twitter_url,
         max(b.url) FILTER (WHERE b.platform = 'facebook') AS facebook_url,
         max(b.url) FILTER (WHERE b.platform = 'instagram') AS instagram_url,
         max(b.url) FILTER (WHERE b.platform = 'youtube') AS youtube_url,
         max(b.url) FILTER (WHERE b.platform = 'github') AS github_url,
         max(b.url) FILTER (WHERE b.platform = 'crunchbase') AS crunchbase_url,
         max(b.url) FILTER (WHERE b.platform = 'angellist') AS angellist_url,
         max(b.url) FILTER (WHERE b.platform = 'g2') AS g2_url
  FROM best b GROUP BY b.domain;
COMMENT ON VIEW core.company_social_profiles IS 'Social URLs per platform per company (linkedin, twitter, facebook, instagram, youtube, github, crunchbase, angellist, g2), best source first.';
