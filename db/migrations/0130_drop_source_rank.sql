-- depends: 0014_priority_companies
-- reference.source_rank had no caller: survivorship is written once, in
-- core.golden_winners_sql (the rule) over reference.golden_fields (the map).
-- squawk-ignore ban-drop-function -- no client calls it; the contract does not name it
DROP FUNCTION IF EXISTS reference.source_rank(text, text);
