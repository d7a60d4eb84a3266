CREATE OR REPLACE VIEW reference.technologies AS
  -- Every technology seen on a company site, one row per normalized name:
  -- its spelling (the first in sort order), on how many companies and since when.
  SELECT d.technology_key AS name_key, min(d.technology) AS name,
         count(DISTINCT d.domain) AS companies, min(d.first_detected) AS first_detected
  FROM core.tech_on_site_detections d
  GROUP BY d.technology_key;
COMMENT ON VIEW reference.technologies IS 'Technologies seen on company sites (core.tech_on_site_detections), one row per normalized name, with company count and first detection.';
