-- Client leads: two client-bound keys (and two bare hq.client_domain
-- settings) cannot read or write each other's rows, directly or through the
-- api functions; an unbound query key reads all; leads link to people and
-- companies that arrive later.
BEGIN;
SELECT plan(27);

CREATE TEMP TABLE k AS
SELECT api.create_api_key('ingest', 'a-in', 'https://www.Acme.com/') AS a_in,
       api.create_api_key('query', 'a-q', 'acme.com') AS a_q,
       api.create_api_key('ingest', 'b-in', 'beta.io') AS b_in,
       api.create_api_key('query', 'b-q', 'beta.io') AS b_q,
       api.create_api_key('query', 'all-q') AS all_q;
GRANT SELECT ON k TO hq_api, hq_ingest;

SELECT is((SELECT client_domain FROM reference.api_keys WHERE name = 'a-in'), 'acme.com', 'the bound client is stored normalized');
SELECT throws_ok($$SELECT api.create_api_key('admin', 'x', 'acme.com')$$, '22023', NULL, 'an admin key cannot be bound to a client');
SELECT throws_ok($$SELECT api.create_api_key('query', 'x', 'not a domain')$$, '22023', NULL, 'a client that is not a domain is refused');
SELECT ok(api.verify_api_key((SELECT a_q FROM k), 'query') IS NULL, 'a client-bound key does not pass api.verify_api_key (the other routes)');
SELECT ok(api.verify_api_key((SELECT all_q FROM k), 'query') IS NOT NULL, 'an unbound key passes api.verify_api_key');

-- each client submits through the api function, bound by its own key
SET LOCAL ROLE hq_ingest;
SELECT is(api.bind_api_key((SELECT a_in FROM k), 'ingest') ->> 'client_domain', 'acme.com', 'bind_api_key returns the key''s client');
SELECT is(api.ingest_client_lead('{"client_domain": "ACME.com", "client_form_id": "demo", "first_name": "Ann", "last_name": "Lee",
          "linkedin_url": "linkedin.com/in/annlee/", "company_domain": "https://www.initech.example/x", "company_name": "Initech"}') ->> 'extraction_status',
          'extracted', 'client A submits its own lead');
SELECT throws_ok($$SELECT api.ingest_client_lead('{"client_domain": "beta.io", "first_name": "Mallory"}')$$, '42501', NULL,
                 'client A cannot submit a lead for client B through api.ingest_client_lead');
SELECT throws_ok($$INSERT INTO raw.client_lead_payloads (client_domain, raw_payload) VALUES ('beta.io', '{"client_domain": "beta.io"}')$$,
                 '42501', NULL, 'client A cannot insert a raw submission for client B');
SELECT throws_ok($$INSERT INTO client.leads (raw_id, client_domain, submitted_at) VALUES (gen_random_uuid(), 'beta.io', now())$$,
                 '42501', NULL, 'client A cannot insert into client.leads for client B');
SELECT is(api.bind_api_key((SELECT b_in FROM k), 'ingest') ->> 'client_domain', 'beta.io', 'rebinding in the same transaction switches client');
SELECT is(api.ingest_client_lead('{"client_domain": "beta.io", "client_form_title": "Webinar", "full_name": "Bo Diaz", "email": "BO@beta.io",
          "person_linkedin_url": "https://uk.linkedin.com/in/bodiaz", "company": "Beta"}') ->> 'extraction_status', 'extracted',
          'client B submits its own lead (existing-system field names)');
SELECT is((SELECT count(*)::int FROM raw.client_lead_payloads), 1, 'client B sees only its own raw submission');
SELECT is((SELECT count(*)::int FROM client.leads), 1, 'client B sees only its own lead');
SELECT is(api.bind_api_key('hq_ingest_not_a_key', 'ingest'), NULL, 'an invalid key binds nothing');
SELECT is((SELECT count(*)::int FROM client.leads), 0, 'after a failed bind no lead is visible');
RESET ROLE;

SET LOCAL ROLE hq_api;
SELECT is(api.bind_api_key((SELECT a_q FROM k), 'query') ->> 'client_domain', 'acme.com', 'client A query key binds');
SELECT is((SELECT array_agg(r ->> 'full_name') FROM jsonb_array_elements(api.client_leads() -> 'data') r), ARRAY['Ann Lee'],
          'api.client_leads as client A: only A''s lead');
SELECT is(jsonb_array_length(api.client_leads('{"client_domains": ["beta.io"]}') -> 'data'), 0,
          'asking api.client_leads for B''s leads with A''s key gives nothing');
SELECT throws_ok($$UPDATE client.leads SET first_name = 'x'$$, '42501', NULL, 'the query role cannot write client.leads');
SELECT is(api.bind_api_key((SELECT b_q FROM k), 'query') ->> 'client_domain', 'beta.io', 'client B query key binds');
SELECT is((SELECT array_agg(full_name || ' ' || email || ' ' || linkedin_url) FROM client.leads),
          ARRAY['Bo Diaz bo@beta.io https://www.linkedin.com/in/bodiaz'], 'client B reads only its lead, normalized');
-- the bare settings the policies read, without a key
SELECT set_config('hq.client_domain', 'acme.com', true);
SELECT is((SELECT array_agg(client_domain) FROM client.leads), ARRAY['acme.com'], 'setting hq.client_domain = acme.com: only A''s rows');
SELECT set_config('hq.client_domain', '', true);
SELECT is((SELECT count(*)::int FROM client.leads), 0, 'no client set: no rows (fails closed)');
SELECT is(api.bind_api_key((SELECT all_q FROM k), 'query') ->> 'client_domain', NULL, 'an unbound key binds every client');
SELECT is((SELECT array_agg(r ->> 'client_domain' ORDER BY r ->> 'client_domain') FROM jsonb_array_elements(api.client_leads() -> 'data') r),
          ARRAY['acme.com', 'beta.io'], 'an unbound query key reads every client''s leads');
RESET ROLE;

-- linking: the person and the company arrive after the lead
INSERT INTO core.people (linkedin_url, full_name) VALUES ('https://www.linkedin.com/in/annlee', 'Ann Lee');
INSERT INTO core.companies (domain, name) VALUES ('initech.example', 'Initech');
SELECT is((SELECT (p.linkedin_url, c.domain)::text FROM client.leads l JOIN core.people p ON p.id = l.person_id
           JOIN core.companies c ON c.id = l.company_id WHERE l.client_domain = 'acme.com'),
          '(https://www.linkedin.com/in/annlee,initech.example)', 'the lead is linked to the person and company inserted after it');

SELECT * FROM finish();
ROLLBACK;
