-- core.normalize_linkedin_url: canonical person/company URLs.
BEGIN;
SELECT plan(21);
SELECT is(core.normalize_linkedin_url('https://www.linkedin.com/in/jane-doe-4b1a2c/'), 'https://www.linkedin.com/in/jane-doe-4b1a2c', 'trailing slash dropped');
SELECT is(core.normalize_linkedin_url('linkedin.com/in/Jane-Doe'), 'https://www.linkedin.com/in/jane-doe', 'no scheme, upper-case slug lowered');
SELECT is(core.normalize_linkedin_url('http://uk.linkedin.com/in/bob-smith'), 'https://www.linkedin.com/in/bob-smith', 'country subdomain');
SELECT is(core.normalize_linkedin_url('https://www.linkedin.com/in/bob?trk=abc'), 'https://www.linkedin.com/in/bob', 'query dropped');
SELECT is(core.normalize_linkedin_url('https://www.linkedin.com/in/bob/details/experience/'), 'https://www.linkedin.com/in/bob', 'sub-path dropped');
SELECT is(core.normalize_linkedin_url('HTTPS://WWW.LINKEDIN.COM/IN/BOB'), 'https://www.linkedin.com/in/bob', 'all upper case');
SELECT is(core.normalize_linkedin_url('https://m.linkedin.com/in/bob'), 'https://www.linkedin.com/in/bob', 'mobile host');
SELECT is(core.normalize_linkedin_url('https://www.linkedin.com/pub/bob-smith/1/2/3'), 'https://www.linkedin.com/in/bob-smith', '/pub/ form');
SELECT is(core.normalize_linkedin_url('https://www.linkedin.com/in/ACwAAAABcXEBf_KoScKF4iNQAIwY6be4wPIYyWQ'), 'https://www.linkedin.com/in/ACwAAAABcXEBf_KoScKF4iNQAIwY6be4wPIYyWQ', 'Sales Navigator id keeps case');
SELECT is(core.normalize_linkedin_url('https://www.linkedin.com/sales/lead/ACwAAAXYZ,NAME_SEARCH,x1'), 'https://www.linkedin.com/in/ACwAAAXYZ', 'Sales Navigator lead URL');
SELECT is(core.normalize_linkedin_url('https://www.linkedin.com/company/Ironclad-App/'), 'https://www.linkedin.com/company/ironclad-app', 'company URL');
SELECT is(core.normalize_linkedin_url('www.linkedin.com/company/google'), 'https://www.linkedin.com/company/google', 'company without scheme');
SELECT is(core.normalize_linkedin_url('https://google.com/in/bob'), NULL, 'not LinkedIn');
SELECT is(core.normalize_linkedin_url('https://www.linkedin.com/in/'), NULL, 'no slug');
SELECT is(core.normalize_linkedin_url('https://www.linkedin.com/feed/'), NULL, 'not a profile');
SELECT is(core.normalize_linkedin_url(''), NULL, 'empty string');
SELECT is(core.normalize_linkedin_url(NULL), NULL, 'NULL');
-- a key must fit a btree entry: slugs over 400 characters are not profiles, canonical or not
SELECT is(core.normalize_linkedin_url('https://www.linkedin.com/in/' || repeat('a', 400)), 'https://www.linkedin.com/in/' || repeat('a', 400), 'a 400-character slug is kept');
SELECT is(core.normalize_linkedin_url('https://www.linkedin.com/in/' || repeat('a', 401)), NULL, 'a 401-character canonical slug is not a profile');
SELECT is(core.normalize_linkedin_url('linkedin.com/in/' || repeat('Ab', 3000)), NULL, 'a 6,000-character slug is not a profile');
-- canonical URLs skip the regex; a leading space sends the same value
-- through the full rules, which must agree
SELECT is(
  (SELECT array_agg(x) FROM unnest(ARRAY[
     'https://www.linkedin.com/in/sam-rivera-88a1b2', 'https://www.linkedin.com/company/antimetal',
     'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa', 'https://www.linkedin.com/in/first.last_99',
     'https://www.linkedin.com/in/ACwAAB1a2b3', 'https://www.linkedin.com/in/acwaab1a2b3', 'https://www.linkedin.com/in/Sam',
     'https://www.linkedin.com/in/josé', 'https://www.linkedin.com/in/sam/', 'https://www.linkedin.com/in/sam?x=1',
     'https://www.linkedin.com/in/sam,jr', 'https://www.linkedin.com/in/sam#top', 'https://www.linkedin.com/company/acme/about',
     'https://www.linkedin.com/in/-', 'https://www.linkedin.com/company/', 'https://www.linkedin.com/in/sam rivera']) AS x
   WHERE core.normalize_linkedin_url(x) IS DISTINCT FROM core.normalize_linkedin_url(' ' || x)), NULL,
  'canonical fast path gives what the full rules give');
SELECT * FROM finish();
ROLLBACK;
