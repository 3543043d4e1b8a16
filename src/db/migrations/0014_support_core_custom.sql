-- The case-access core (issue 19): one definition of live access, row-level security for the
-- new tables of `support`, and the few SECURITY DEFINER doors the application needs where the
-- acting user cannot yet see a row (finding a child by number, emergency access, its review).
--
-- THE definition of live access. Every check, list, search, export, report and policy reads it
-- (through live_case_ids / live_access); src/domain/support/access.ts `isLive` mirrors it for
-- property tests. A record is live when it has started, has not ended, is not past its end or
-- its handover grace, its case is open, a consent it rests on is in force and not withdrawn, and
-- a referral it rests on is accepted (not sent, declined, done or revoked).
-- PL/pgSQL rather than SQL: a SECURITY DEFINER function is never inlined, and PL/pgSQL keeps its
-- plan for the session where a SQL function is planned again on every call (bench/support).
CREATE FUNCTION support.live_access_rows(p_user_id uuid)
RETURNS TABLE (id uuid, case_id uuid, role text, basis text, scopes text[], valid_until timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RETURN QUERY
  SELECT a.id, a.case_id, a.role, a.basis, a.scopes, a.valid_until
    FROM support.case_access a
    JOIN support.cases c ON c.id = a.case_id
    LEFT JOIN support.consents k ON k.id = a.consent_id
    LEFT JOIN support.referrals r ON r.id = a.referral_id
   WHERE a.user_id = p_user_id
     AND a.ended_at IS NULL
     AND a.valid_from <= now()
     AND (a.valid_until IS NULL OR a.valid_until > now())
     AND (a.grace_until IS NULL OR a.grace_until > now())
     AND c.status = 'open'
     AND (a.basis <> 'consent'
          OR (k.withdrawn_at IS NULL AND k.valid_from <= now()
              AND (k.valid_until IS NULL OR k.valid_until > now())))
     AND (a.basis <> 'referral' OR r.status = 'accepted');
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support.live_case_ids(p_user_id uuid, p_scope text DEFAULT NULL)
RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT l.case_id FROM support.live_access_rows(p_user_id) l
   WHERE p_scope IS NULL OR p_scope = ANY (l.scopes)
$$;
--> statement-breakpoint
-- The child of a number, made when new. Numbers are unique, and a discoverer cannot see a child
-- who is on no case of theirs; this returns only the id, never the child's data.
CREATE FUNCTION support.child_for_number(
  p_number text, p_municipality_id uuid, p_given text, p_family text, p_birth date
) RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  found uuid;
BEGIN
  IF support.actor_id() IS NULL THEN
    RAISE EXCEPTION 'an acting user is required' USING ERRCODE = '42501';
  END IF;
  INSERT INTO support.children (municipality_id, personal_number, given_name, family_name, birth_date)
  VALUES (p_municipality_id, p_number, p_given, p_family, p_birth)
  ON CONFLICT (personal_number) WHERE personal_number IS NOT NULL DO NOTHING
  RETURNING id INTO found;
  IF found IS NULL THEN
    SELECT ch.id INTO found FROM support.children ch WHERE ch.personal_number = p_number;
  END IF;
  RETURN found;
END
$$;
--> statement-breakpoint
-- An open case's municipality, for deciding who may take emergency access to it: nothing else
-- about the case leaves, and a closed or unknown case gives null.
CREATE FUNCTION support.open_case_municipality(p_case_id uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT c.municipality_id FROM support.cases c WHERE c.id = p_case_id AND c.status = 'open'
$$;
--> statement-breakpoint
-- Emergency access in some municipalities, for review: who, which case, why and until when,
-- never the case's content.
CREATE FUNCTION support.emergency_access_in(p_municipality_ids uuid[])
RETURNS TABLE (access_id uuid, case_id uuid, user_id uuid, reason text, valid_from timestamptz,
               valid_until timestamptz, reviewed_at timestamptz, verdict text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT a.id, a.case_id, a.user_id, a.reason, a.valid_from, a.valid_until, a.reviewed_at, a.verdict
    FROM support.case_access a JOIN support.cases c ON c.id = a.case_id
   WHERE a.basis = 'emergency'
     AND (p_municipality_ids IS NULL OR c.municipality_id = ANY (p_municipality_ids))
   ORDER BY a.valid_from DESC
$$;
--> statement-breakpoint
-- A reviewer's verdict on one emergency access in the given municipalities; true when recorded.
-- The reviewer must be the acting user and cannot review their own access.
CREATE FUNCTION support.review_emergency_access(
  p_access_id uuid, p_municipality_ids uuid[], p_verdict text, p_note text
) RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  WITH done AS (
    UPDATE support.case_access a
       SET verdict = p_verdict, review_note = p_note, reviewed_at = now(),
           reviewed_by = support.actor_id()
      FROM support.cases c
     WHERE a.id = p_access_id AND c.id = a.case_id AND a.basis = 'emergency'
       AND support.actor_id() IS NOT NULL AND a.user_id <> support.actor_id()
       AND (p_municipality_ids IS NULL OR c.municipality_id = ANY (p_municipality_ids))
    RETURNING a.id)
  SELECT EXISTS (SELECT 1 FROM done)
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION support.live_access_rows(uuid),
  support.child_for_number(text, uuid, text, text, date), support.open_case_municipality(uuid),
  support.emergency_access_in(uuid[]), support.review_emergency_access(uuid, uuid[], text, text)
  FROM PUBLIC;
--> statement-breakpoint
ALTER TABLE support.consents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.consents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.referrals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.child_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.child_contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.consents TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.referrals TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.child_contacts TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.notifications TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Consents: read and written with the `consents` scope of the case.
CREATE POLICY consent_read ON support.consents FOR SELECT
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'consents')));
--> statement-breakpoint
CREATE POLICY consent_create ON support.consents FOR INSERT
  WITH CHECK (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'consents')));
--> statement-breakpoint
CREATE POLICY consent_update ON support.consents FOR UPDATE
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id(), 'consents')))
  WITH CHECK (support.actor_id() IS NOT NULL);
--> statement-breakpoint
-- Referrals: the case's people, and the two people a referral is between (the recipient must
-- see a sent referral to answer it, with no access to the case yet).
CREATE POLICY referral_read ON support.referrals FOR SELECT
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id()))
         OR to_user_id = support.actor_id() OR from_user_id = support.actor_id());
--> statement-breakpoint
CREATE POLICY referral_create ON support.referrals FOR INSERT
  WITH CHECK (case_id IN (SELECT support.live_case_ids(support.actor_id()))
              AND from_user_id = support.actor_id());
--> statement-breakpoint
CREATE POLICY referral_update ON support.referrals FOR UPDATE
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id()))
         OR to_user_id = support.actor_id())
  WITH CHECK (support.actor_id() IS NOT NULL);
--> statement-breakpoint
-- A child's existing contacts: seen with the child (through a case one may see); kept by the
-- owner role (administration and seeding), not by case work.
CREATE POLICY contact_read ON support.child_contacts FOR SELECT
  USING (EXISTS (SELECT 1 FROM support.cases c WHERE c.child_id = child_contacts.child_id));
--> statement-breakpoint
-- Notifications: one's own; written by someone on the case.
CREATE POLICY notification_read ON support.notifications FOR SELECT
  USING (user_id = support.actor_id());
--> statement-breakpoint
CREATE POLICY notification_create ON support.notifications FOR INSERT
  WITH CHECK (case_id IN (SELECT support.live_case_ids(support.actor_id())));
--> statement-breakpoint
CREATE POLICY notification_update ON support.notifications FOR UPDATE
  USING (user_id = support.actor_id()) WITH CHECK (user_id = support.actor_id());
--> statement-breakpoint
-- Retention (gallring): closed cases whose last entry is before a time, in some municipalities
-- (null: all), for the scheduled job and its dry run; never their content.
CREATE FUNCTION support.closed_cases_before(p_before timestamptz, p_municipality_ids uuid[])
RETURNS TABLE (case_id uuid, municipality_id uuid, closed_at timestamptz, birth_date date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT c.id, c.municipality_id, c.closed_at, ch.birth_date
    FROM support.cases c LEFT JOIN support.children ch ON ch.id = c.child_id
   WHERE c.status = 'closed' AND c.closed_at < p_before
     AND (p_municipality_ids IS NULL OR c.municipality_id = ANY (p_municipality_ids))
   ORDER BY c.closed_at
   LIMIT 10000
$$;
--> statement-breakpoint
-- Thins one closed case: every row of `support` that names it (the tables of later migrations
-- included, found by their case_id column), then the case, then its child when no other case
-- names the child. Tables that reference each other are retried until none refuses. Returns the
-- rows deleted; nothing for an open or unknown case.
CREATE FUNCTION support.thin_case(p_case_id uuid) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  child uuid;
  tables text[];
  pending text[];
  t text;
  n integer;
  total integer := 0;
  pass integer := 0;
BEGIN
  SELECT c.child_id INTO child FROM support.cases c WHERE c.id = p_case_id AND c.status = 'closed';
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  SELECT array_agg(table_name::text) INTO tables FROM information_schema.columns
   WHERE table_schema = 'support' AND column_name = 'case_id' AND table_name <> 'cases';
  pending := coalesce(tables, '{}');
  WHILE cardinality(pending) > 0 AND pass < 10 LOOP
    pass := pass + 1;
    tables := pending;
    pending := '{}';
    FOREACH t IN ARRAY tables LOOP
      BEGIN
        EXECUTE format('DELETE FROM support.%I WHERE case_id = $1', t) USING p_case_id;
        GET DIAGNOSTICS n = ROW_COUNT;
        total := total + n;
      EXCEPTION WHEN foreign_key_violation THEN
        pending := pending || t;
      END;
    END LOOP;
  END LOOP;
  DELETE FROM support.cases WHERE id = p_case_id;
  total := total + 1;
  IF child IS NOT NULL AND NOT EXISTS (SELECT 1 FROM support.cases WHERE child_id = child) THEN
    DELETE FROM support.child_contacts WHERE child_id = child;
    GET DIAGNOSTICS n = ROW_COUNT;
    DELETE FROM support.children WHERE id = child;
    total := total + n + 1;
  END IF;
  RETURN total;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION support.closed_cases_before(timestamptz, uuid[]),
  support.thin_case(uuid) FROM PUBLIC;
