-- core.company_vc_backed follows every statement on core.company_vc_investors
-- (one trigger per event: transition tables need a single event).
CREATE OR REPLACE TRIGGER vc_backed_after_insert AFTER INSERT ON core.company_vc_investors
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION core.tg_vc_investors_changed();
CREATE OR REPLACE TRIGGER vc_backed_after_update AFTER UPDATE ON core.company_vc_investors
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION core.tg_vc_investors_changed();
CREATE OR REPLACE TRIGGER vc_backed_after_delete AFTER DELETE ON core.company_vc_investors
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION core.tg_vc_investors_changed();
