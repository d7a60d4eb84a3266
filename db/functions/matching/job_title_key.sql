CREATE OR REPLACE FUNCTION reference.job_title_key(p_title text)
RETURNS text
LANGUAGE plpgsql
IMMUTABLE PARALLEL SAFE
AS $$
-- The form job_title_rules patterns run on: lower case, accents removed
-- (Geschäftsführer -> geschaftsfuhrer, ß -> ss), the company part (' @ X',
-- ' at X', ' | X') dropped, punctuation as spaces, abbreviations expanded
-- (sr/snr senior, jr junior, mgr/mngr manager, dir director, eng/engr
-- engineer, engg engineering, mktg marketing, exec executive, asst
-- assistant, acct account, bus/biz dev business development, dev developer,
-- sw software, prod product, cust customer, coord coordinator, mgmt
-- management, v.p. vp). unaccent's dictionary is named so the function may
-- stay IMMUTABLE.
DECLARE
  v text := lower(public.unaccent('public.unaccent'::regdictionary, coalesce(p_title, '')));
BEGIN
  v := regexp_replace(v, '\s(@|at|\|)\s.*$', '');
  v := regexp_replace(v, '\mv\.\s?p\.?', 'vp', 'g');
  v := regexp_replace(v, '[^a-z0-9 ]+', ' ', 'g');
  v := regexp_replace(v, '\msr\M', 'senior', 'g');
  v := regexp_replace(v, '\mjr\M', 'junior', 'g');
  v := regexp_replace(v, '\mmgr\M', 'manager', 'g');
  v := regexp_replace(v, '\mdir\M', 'director', 'g');
  v := regexp_replace(v, '\mengr?\M', 'engineer', 'g');
  v := regexp_replace(v, '\mengg\M', 'engineering', 'g');
  v := regexp_replace(v, '\msnr\M', 'senior', 'g');
  v := regexp_replace(v, '\mmngr\M', 'manager', 'g');
  v := regexp_replace(v, '\mmgmt\M', 'management', 'g');
  v := regexp_replace(v, '\macct\M', 'account', 'g');
  v := regexp_replace(v, '\m(bus|biz|business) dev\M|\mbizdev\M', 'business development', 'g');
  v := regexp_replace(v, '\mdev\M', 'developer', 'g');
  v := regexp_replace(v, '\msw\M', 'software', 'g');
  v := regexp_replace(v, '\mprod\M', 'product', 'g');
  v := regexp_replace(v, '\mcust\M', 'customer', 'g');
  v := regexp_replace(v, '\mcoord\M', 'coordinator', 'g');
  v := regexp_replace(v, '\mmktg\M', 'marketing', 'g');
  v := regexp_replace(v, '\mexec\M', 'executive', 'g');
  v := regexp_replace(v, '\masst\M', 'assistant', 'g');
  RETURN NULLIF(btrim(regexp_replace(v, '\s+', ' ', 'g')), '');
END;
$$;
COMMENT ON FUNCTION reference.job_title_key(text) IS 'Normalized, abbreviation-expanded job title that reference.job_title_rules patterns are matched against.';
