-- reference.source_rank: the survivorship rank of a source for a field.
BEGIN;
SELECT plan(3);

SELECT is(reference.source_rank('name', 'companyenrich'), (SELECT priority FROM reference.source_priority WHERE field = '*' AND source = 'companyenrich'),
          'reference.source_rank: the default (''*'') priority of a source');
INSERT INTO reference.source_priority (field, source, priority) VALUES ('name', 'companyenrich', -5);
SELECT is(reference.source_rank('name', 'companyenrich'), -5, 'reference.source_rank: a field row overrides the default');
SELECT is(reference.source_rank('name', 'nosuch'), 1073741824, 'reference.source_rank: an unknown source ranks last');

SELECT * FROM finish();
ROLLBACK;
