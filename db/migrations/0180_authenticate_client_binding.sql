-- depends: 0171_quality_snapshots
-- api.authenticate also returns the key's client binding, so the server can
-- refuse a client-bound key outside the client-lead routes before it reads a
-- body. A function's result columns cannot change in place: it is dropped
-- here and created again by the repeatable file that follows every deploy.
-- squawk-ignore ban-drop-function -- re-created by db/functions/api/authenticate.sql in the same deploy
DROP FUNCTION IF EXISTS api.authenticate(text, integer);
