-- Live access as one view, so that the definition is written once and each question asks it by
-- the key it has: a person's live records (live_access_rows, by user_id), or whether one record
-- is live (access_record_is_live, by id). Before, listing a case's members asked for each member
-- every live record they hold anywhere (bench/support: 10 ms of a 20 ms case page).
-- security_invoker: the app's runtime role reads it under the tables' own policies; the
-- SECURITY DEFINER functions below read it as the owner, whose policy is `true`.
-- force_generic_plan: PL/pgSQL otherwise plans the view's join anew on every call (a custom plan
-- looks cheaper once `p_scope IS NULL` folds), about 0.8 ms each time, and every policy calls one
-- of these (pgbench, the case page's statements: 804 → 1,083 per second).
-- A record is live when it has started, has not ended, is not past its end or its handover
-- grace, its case is open, a consent it rests on is in force and not withdrawn, and a referral it
-- rests on is accepted. src/domain/support/access.ts `isLive` mirrors it for property tests.
-- "Its case is open" is held by the data rather than looked up: closing a case ends every access
-- record on it (close-case.ts), and the two triggers at the end refuse a record that is not ended
-- on a closed case and a commit that leaves one. Looking the case up cost every policy check one
-- index probe per live record of the reader (pgbench, the case page: 1,417 → 1,665 per second).
CREATE VIEW support.live_access_records WITH (security_invoker = true) AS
  SELECT a.id, a.case_id, a.user_id, a.role, a.basis, a.scopes, a.valid_from, a.valid_until
    FROM support.case_access a
    LEFT JOIN support.consents k ON k.id = a.consent_id
    LEFT JOIN support.referrals r ON r.id = a.referral_id
   WHERE a.ended_at IS NULL
     AND a.valid_from <= now()
     AND (a.valid_until IS NULL OR a.valid_until > now())
     AND (a.grace_until IS NULL OR a.grace_until > now())
     AND (a.basis <> 'consent'
          OR (k.withdrawn_at IS NULL AND k.valid_from <= now()
              AND (k.valid_until IS NULL OR k.valid_until > now())))
     AND (a.basis <> 'referral' OR r.status = 'accepted');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support.live_access_rows(p_user_id uuid)
RETURNS TABLE (id uuid, case_id uuid, role text, basis text, scopes text[], valid_until timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 50 SET search_path = pg_catalog, pg_temp
  SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN QUERY
  SELECT v.id, v.case_id, v.role, v.basis, v.scopes, v.valid_until
    FROM support.live_access_records v
   WHERE v.user_id = p_user_id;
END
$$;
--> statement-breakpoint
-- PL/pgSQL over the view: the policies call this once per statement and table, and a SQL function
-- with SECURITY DEFINER and SET is planned again on every call (0.26 → 0.23 ms per call here).
CREATE OR REPLACE FUNCTION support.live_case_ids(p_user_id uuid, p_scope text DEFAULT NULL)
RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 50 SET search_path = pg_catalog, pg_temp
  SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN QUERY
  SELECT v.case_id FROM support.live_access_records v
   WHERE v.user_id = p_user_id AND (p_scope IS NULL OR p_scope = ANY (v.scopes));
END
$$;
--> statement-breakpoint
-- The live access records on one case, for the list of who works on it: only for an acting user
-- who holds live access to that case, so it shows no case's people to anyone else. One call
-- replaces a policy evaluation plus a liveness test per record (0.70 → 0.14 ms). ROWS: with the
-- default estimate of 1,000 rows the planner joins the users table by scanning all of it.
CREATE FUNCTION support.live_access_on_case(p_case_id uuid)
RETURNS TABLE (id uuid, user_id uuid, role text, basis text, valid_from timestamptz,
               valid_until timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 10 SET search_path = pg_catalog, pg_temp
  SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM support.live_access_records w
                  WHERE w.case_id = p_case_id AND w.user_id = support.actor_id()) THEN
    RETURN;
  END IF;
  RETURN QUERY
  SELECT v.id, v.user_id, v.role, v.basis, v.valid_from, v.valid_until
    FROM support.live_access_records v
   WHERE v.case_id = p_case_id;
END
$$;
--> statement-breakpoint
-- Whether one access record is live: for lists of a case's members and team, which show whose
-- access still holds. It answers only about a record id the caller has already read.
CREATE FUNCTION support.access_record_is_live(p_access_id uuid) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM support.live_access_records v WHERE v.id = p_access_id);
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION support.access_record_is_live(uuid), support.live_access_on_case(uuid)
  FROM PUBLIC;
--> statement-breakpoint
-- Thinning finds a case's rows by their case_id column; the view above has one too and holds
-- nothing of its own, so only base tables are thinned.
CREATE OR REPLACE FUNCTION support.thin_case(p_case_id uuid) RETURNS integer
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
  SELECT array_agg(col.table_name::text) INTO tables
    FROM information_schema.columns col
    JOIN information_schema.tables tab
      ON tab.table_schema = col.table_schema AND tab.table_name = col.table_name
   WHERE col.table_schema = 'support' AND col.column_name = 'case_id'
     AND col.table_name <> 'cases' AND tab.table_type = 'BASE TABLE';
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
-- Access left open on a case closed before this migration ends as the close would have ended it.
UPDATE support.case_access a SET ended_at = greatest(c.closed_at, a.valid_from),
       ended_reason = 'case_closed'
  FROM support.cases c
 WHERE c.id = a.case_id AND c.status = 'closed' AND a.ended_at IS NULL;
--> statement-breakpoint
CREATE FUNCTION support.refuse_access_on_closed_case() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM support.cases c WHERE c.id = NEW.case_id AND c.status <> 'open') THEN
    RAISE EXCEPTION 'access to a closed case must be ended' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_access_on_open_case BEFORE INSERT OR UPDATE ON support.case_access
  FOR EACH ROW WHEN (NEW.ended_at IS NULL) EXECUTE FUNCTION support.refuse_access_on_closed_case();
--> statement-breakpoint
-- Checked at commit: the close and the ending of its access may come in either order within it.
CREATE FUNCTION support.refuse_closed_case_with_access() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM support.case_access a WHERE a.case_id = NEW.id AND a.ended_at IS NULL)
     AND EXISTS (SELECT 1 FROM support.cases c WHERE c.id = NEW.id AND c.status <> 'open') THEN
    RAISE EXCEPTION 'closing a case ends every access to it' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cases_closed_without_access AFTER UPDATE OF status ON support.cases
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW.status <> 'open') EXECUTE FUNCTION support.refuse_closed_case_with_access();
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION support.refuse_access_on_closed_case(),
  support.refuse_closed_case_with_access() FROM PUBLIC;
