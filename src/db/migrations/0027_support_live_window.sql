-- Whether an access record is live was asked of the view by joining each of the reader's records
-- to its consent and its referral, and every policy on a case's tables asks it once per
-- statement: a case page asks it at least four times, the list three. The answer is now held by the
-- record itself, in columns its reader's own index carries, so the question is one index-only
-- scan without joins (pgbench, one client, a reader with 40 live records among 1,000,000:
-- 0.11–0.135 → 0.073–0.097 ms per question, a `SELECT 1` taking 0.04). bench/support, the same
-- day: row-level security cost the case page 12.0 % of its throughput (21.9 and 23.2 % before)
-- and the case list 11.5 % (22.6 and 11.4 %).
-- The columns are derived, never given: a trigger sets them from the record, its consent and its
-- referral on every insert and update (whatever the writer sent), and a change to a consent's
-- validity or withdrawal, or to a referral's status, updates the records resting on it. What
-- stays time-dependent (the record's and the consent's windows, the handover grace) is kept as a
-- window compared with now() when asked, so nothing goes stale with time.
ALTER TABLE "support"."case_access" ADD COLUMN "in_force" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD COLUMN "live_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD COLUMN "live_until" timestamp with time zone;--> statement-breakpoint
-- In force: not ended, the consent it rests on found on its case and not withdrawn, the referral
-- it rests on accepted on its case (a consent or referral opens no other case, and the records
-- resting on one are then all found by case, below). Live from the later of its own start and
-- its consent's, until the earliest of its own end, its handover grace and its consent's end
-- (least and greatest pass over nulls).
CREATE FUNCTION support.access_live_window() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  consent record;
BEGIN
  NEW.in_force := NEW.ended_at IS NULL;
  NEW.live_from := NEW.valid_from;
  NEW.live_until := least(NEW.valid_until, NEW.grace_until);
  IF NEW.basis = 'consent' THEN
    SELECT k.valid_from, k.valid_until, k.withdrawn_at INTO consent
      FROM support.consents k WHERE k.id = NEW.consent_id AND k.case_id = NEW.case_id;
    IF NOT FOUND OR consent.withdrawn_at IS NOT NULL THEN
      NEW.in_force := false;
    ELSE
      NEW.live_from := greatest(NEW.live_from, consent.valid_from);
      NEW.live_until := least(NEW.live_until, consent.valid_until);
    END IF;
  ELSIF NEW.basis = 'referral' THEN
    NEW.in_force := NEW.in_force AND coalesce(
      (SELECT r.status = 'accepted' FROM support.referrals r
        WHERE r.id = NEW.referral_id AND r.case_id = NEW.case_id), false);
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_access_live BEFORE INSERT OR UPDATE ON support.case_access
  FOR EACH ROW EXECUTE FUNCTION support.access_live_window();
--> statement-breakpoint
-- Touching the records that rest on a changed consent or referral runs the trigger above on each;
-- they are found through their case's index. Ended records stay out of force whatever their
-- consent or referral does.
CREATE FUNCTION support.basis_to_access() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE support.case_access a SET in_force = a.in_force
   WHERE a.case_id = NEW.case_id AND a.ended_at IS NULL
     AND NEW.id IN (a.consent_id, a.referral_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER consents_to_access AFTER UPDATE OF valid_from, valid_until, withdrawn_at
  ON support.consents FOR EACH ROW
  WHEN (NEW.valid_from IS DISTINCT FROM OLD.valid_from
        OR NEW.valid_until IS DISTINCT FROM OLD.valid_until
        OR NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at)
  EXECUTE FUNCTION support.basis_to_access();
--> statement-breakpoint
CREATE TRIGGER referrals_to_access AFTER UPDATE OF status ON support.referrals
  FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status)
  EXECUTE FUNCTION support.basis_to_access();
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION support.access_live_window(), support.basis_to_access() FROM PUBLIC;
--> statement-breakpoint
UPDATE support.case_access SET in_force = in_force;
--> statement-breakpoint
-- Everything a live-access question reads, for the records in force: an index-only scan by
-- reader. drizzle's index builder has no INCLUDE, so the index is kept here, outside the schema.
CREATE INDEX case_access_live_idx ON support.case_access (user_id)
  INCLUDE (case_id, child_id, id, role, basis, scopes, valid_until, live_from, live_until)
  WHERE in_force;
--> statement-breakpoint
CREATE OR REPLACE VIEW support.live_access_records WITH (security_invoker = true) AS
  SELECT a.id, a.case_id, a.user_id, a.role, a.basis, a.scopes, a.valid_from, a.valid_until,
         a.child_id
    FROM support.case_access a
   WHERE a.in_force
     AND a.live_from <= now()
     AND (a.live_until IS NULL OR a.live_until > now());
