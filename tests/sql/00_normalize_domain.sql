-- core.normalize_domain: schemes, www., paths, ports, case, trailing dots,
-- query strings, unicode, empty, NULL and garbage.
BEGIN;
SELECT plan(39);
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
-- internationalized names: one stored form, the IDNA ASCII (Punycode) one
SELECT is(core.normalize_domain('bücher.de'), 'xn--bcher-kva.de', 'IDNA: a unicode label becomes xn-- Punycode');
SELECT is(core.normalize_domain('xn--bcher-kva.de'), 'xn--bcher-kva.de', 'IDNA: the Punycode form is kept');
SELECT is(core.normalize_domain('bücher.de'), core.normalize_domain('xn--bcher-kva.de'), 'IDNA: bücher.de and xn--bcher-kva.de are one key');
SELECT is(core.normalize_domain('münchen.de'), 'xn--mnchen-3ya.de', 'IDNA: German');
SELECT is(core.normalize_domain('MÜNCHEN.DE'), 'xn--mnchen-3ya.de', 'IDNA: upper case mapped to lower case first');
SELECT is(core.normalize_domain('https://www.Bücher.de/katalog?q=1'), 'xn--bcher-kva.de', 'IDNA: scheme, www., path and query around a unicode host');
SELECT is(core.normalize_domain('правительство.рф'), 'xn--80aealotwbjpid2k.xn--p1ai', 'IDNA: Cyrillic, TLD included');
SELECT is(core.normalize_domain('日本語.jp'), 'xn--wgv71a119e.jp', 'IDNA: Han');
SELECT is(core.normalize_domain('例え。テスト'), 'xn--r8jz45g.xn--zckzah', 'IDNA: Japanese, ideographic full stop as the dot');
SELECT is(core.normalize_domain('ＢÜＣＨＥＲ．de'), 'xn--bcher-kva.de', 'IDNA: full-width letters and dot mapped (NFKC)');
SELECT is(core.normalize_domain('shop.bücher.xn--p1ai'), 'shop.xn--bcher-kva.xn--p1ai', 'IDNA: mixed ASCII, unicode and Punycode labels');
SELECT is(core.normalize_domain('bü cher.de'), NULL, 'IDNA: a space in a unicode label is not a domain');
SELECT is(core.normalize_domain('-bü.de'), NULL, 'IDNA: a unicode label may not start with a hyphen');
SELECT is(core.normalize_domain('bü@cher'), NULL, 'IDNA: no dot left after the e-mail part is not a domain');
SELECT is(core.normalize_domain('ü'), NULL, 'IDNA: one label is not a domain');
SELECT is(core.punycode_encode('bücher'), 'bcher-kva', 'Punycode (RFC 3492) of one label');
SELECT is(core.idna_to_ascii('Bücher.DE'), 'xn--bcher-kva.de', 'core.idna_to_ascii maps case and encodes');
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
             'xn--mnchen-3ya.de', 'Example.COM', 'x.com:8080']) AS x
           WHERE core.normalize_domain(x) IS DISTINCT FROM core.normalize_domain(' ' || x)), NULL,
          'canonical fast path gives what the full rules give');
SELECT * FROM finish();
ROLLBACK;
