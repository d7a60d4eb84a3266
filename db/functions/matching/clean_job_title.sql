CREATE OR REPLACE FUNCTION reference.clean_job_title(p_title text)
RETURNS text
LANGUAGE plpgsql
IMMUTABLE PARALLEL SAFE
AS $$
-- Tidy display title: the company part (' @ X', ' at X', ' | X') and level
-- numerals (II, III, 2) dropped, abbreviations expanded (Sr. -> Senior, Jr.
-- -> Junior, Mgr -> Manager, Dir. -> Director), words title-cased; 'of and
-- the for to in on a &' lower-case; acronyms upper-case (VP, CEO, IT, HR, UX).
DECLARE
  v text := lower(btrim(coalesce(p_title, '')));
  v_out text;
BEGIN
  v := regexp_replace(v, '\s(@|at|\|)\s.*$', '');
  v := regexp_replace(v, '\mv\.\s?p\.?', 'vp', 'g');
  v := regexp_replace(v, '\msr\.?(?=[\s,]|$)', 'senior', 'g');
  v := regexp_replace(v, '\mjr\.?(?=[\s,]|$)', 'junior', 'g');
  v := regexp_replace(v, '\mmgr\.?(?=[\s,]|$)', 'manager', 'g');
  v := regexp_replace(v, '\mdir\.(?=[\s,]|$)', 'director', 'g');
  v := regexp_replace(v, '\s+', ' ', 'g');
  v := regexp_replace(v, '\s+(i{1,3}|iv|[1-4])$', '');
  v := btrim(regexp_replace(v, '[,;:\-]+$', ''));
  SELECT string_agg(
           CASE
             WHEN w.n > 1 AND w.word IN ('of', 'and', 'the', 'for', 'to', 'in', 'on', 'a', '&') THEN w.word
             WHEN w.word ~ '^(vp|svp|evp|avp|ceo|cto|cfo|coo|cmo|cio|ciso|cro|cpo|chro|cdo|cso|clo|cco|cxo|it|hr|ux|ui|qa|ai|ml|bi|sdr|bdr|gm|pr|seo|emea|apac|amer|latam|us|uk|eu|saas|b2b|b2c|gtm|fp&a|r&d|hrbp|sre|erp|crm|api)[,]?$'
               THEN upper(w.word)
             WHEN w.word = 'devops' THEN 'DevOps'
             ELSE initcap(w.word)
           END, ' ' ORDER BY w.n)
    INTO v_out
    FROM regexp_split_to_table(v, ' ') WITH ORDINALITY AS w(word, n)
   WHERE w.word <> '';
  RETURN NULLIF(v_out, '');
END;
$$;
COMMENT ON FUNCTION reference.clean_job_title(text) IS 'Tidy title-cased job title without company names, level numerals or abbreviations (''Sr. software engineer II @ Acme'' -> ''Senior Software Engineer'').';
