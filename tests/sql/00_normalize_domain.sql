-- core.normalize_domain: schemes, www., paths, ports, case, trailing dots,
-- query strings, unicode, empty, NULL and garbage.
BEGIN;
SELECT plan(25);
SELECT is(core.normalize_domain('https://WWW.Google.com/about'), 'google.com', 'contract example');
SELECT is(core.normalize_domain('google.com'), 'google.com', 'bare domain unchanged');
SELECT is(core.normalize_domain('GOOGLE.COM'), 'google.com', 'upper case lowered');
SELECT is(core.normalize_domain('http://google.com'), 'google.com', 'http scheme');
SELECT is(core.normalize_domain('HTTPS://google.com'), 'google.com', 'upper-case scheme');
SELECT is(core.normalize_domain('www.xtrachef.com'), 'xtrachef.com', 'www. without scheme');
SELECT is(core.normalize_domain('google.com.'), 'google.com', 'trailing dot');
SELECT is(core.normalize_domain('google.com/'), 'google.com', 'trailing slash');
SELECT is(core.normalize_domain('google.com:443'), 'google.com', 'port without scheme');
SELECT is(core.normalize_domain('http://sub.Example.co.uk:8080/x/y?z=1#f'), 'sub.example.co.uk', 'port, path, query, fragment; subdomain kept');
SELECT is(core.normalize_domain('acme.io?utm=x'), 'acme.io', 'query string');
SELECT is(core.normalize_domain('  acme.io  '), 'acme.io', 'surrounding spaces');
SELECT is(core.normalize_domain('bob@acme.io'), 'acme.io', 'e-mail address gives its domain');
SELECT is(core.normalize_domain('https://user:pw@acme.io/'), 'acme.io', 'userinfo dropped');
SELECT is(core.normalize_domain('münchen.de'), 'münchen.de', 'unicode label kept');
SELECT is(core.normalize_domain('MÜNCHEN.DE'), 'münchen.de', 'unicode label lower-cased');
SELECT is(core.normalize_domain('xn--mnchen-3ya.de'), 'xn--mnchen-3ya.de', 'punycode');
SELECT is(core.normalize_domain(''), NULL, 'empty string is NULL');
SELECT is(core.normalize_domain(NULL), NULL, 'NULL is NULL');
SELECT is(core.normalize_domain('not a domain'), NULL, 'words are not a domain');
SELECT is(core.normalize_domain('localhost'), NULL, 'no dot is not a domain');
SELECT is(core.normalize_domain('192.168.0.1'), NULL, 'IP address is not a domain');
SELECT is(core.normalize_domain('Funding unknown'), NULL, 'garbage');
SELECT is(core.normalize_domain('-bad-.com'), NULL, 'label may not start with a hyphen');
-- the fast path for values that are already canonical agrees with the full
-- rules (a leading space forces the full rules)
SELECT is((SELECT array_agg(x) FROM unnest(ARRAY['google.com', 'a-.com', '-a.com', 'a.-b.com', 'www.x.com', 'wwwx.com', 'www2.x.io',
             'x.c', 'x.co', 'x--y.com', 'xn--p1ai', 'b.xn--p1ai', 'a.b.c.d.museum', 'x.com.', '1.2.3.4', 'under_score.com',
             'a..b.com', '.a.com', 'x.c0m', repeat('a', 59) || '.com', repeat('a', 60) || '.com', repeat('a', 64) || '.com',
             'münchen.de', 'Example.COM', 'x.com:8080']) AS x
           WHERE core.normalize_domain(x) IS DISTINCT FROM core.normalize_domain(' ' || x)), NULL,
          'canonical fast path gives what the full rules give');
SELECT * FROM finish();
ROLLBACK;
