CREATE OR REPLACE FUNCTION reference.job_title_key(p_title text)
RETURNS text
LANGUAGE plpgsql
IMMUTABLE PARALLEL SAFE
AS $$
-- The form job_title_rules patterns run on: lower case, the company part
-- (' @ X', ' at X', ' | X') dropped, punctuation as spaces, abbreviations
-- expanded (sr senior, jr junior, mgr manager, dir director, eng/engr
-- engineer, mktg marketing, exec executive, asst assistant, v.p. vp).
DECLARE
  v text := lower(coalesce(p_title, ''));
BEGIN
  v := regexp_replace(v, '\s(@|at|\|)\s.*$', '');
  v := regexp_replace(v, '\mv\.\s?p\.?', 'vp', 'g');
  v := regexp_replace(v, '[^a-z0-9 ]+', ' ', 'g');
  v := regexp_replace(v, '\msr\M', 'senior', 'g');
  v := regexp_replace(v, '\mjr\M', 'junior', 'g');
  v := regexp_replace(v, '\mmgr\M', 'manager', 'g');
  v := regexp_replace(v, '\mdir\M', 'director', 'g');
  v := regexp_replace(v, '\mengr?\M', 'engineer', 'g');
  v := regexp_replace(v, '\mmktg\M', 'marketing', 'g');
  v := regexp_replace(v, '\mexec\M', 'executive', 'g');
  v := regexp_replace(v, '\masst\M', 'assistant', 'g');
  RETURN NULLIF(btrim(regexp_replace(v, '\s+', ' ', 'g')), '');
END;
$$;
COMMENT ON FUNCTION reference.job_title_key(text) IS 'Normalized, abbreviation-expanded job title that reference.job_title_rules patterns are matched against.';
