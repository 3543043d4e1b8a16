-- Database roles and row-level security (docs/decisions.md, "Database roles").
--
-- Migrations run as the OWNER role, which owns every schema and table. The app runs as a RUNTIME
-- role that owns nothing, is no superuser and has no BYPASSRLS. platform.grant_runtime_access
-- gives the runtime role what it needs; the app calls it after migrating, as the owner.
--
-- Row-level security is forced on every table of `support`: rows are visible only through a live
-- access record of the acting user, named per transaction by `paraply.actor_id`
-- (src/db/actor.ts). A query that forgets the application's check returns nothing.

-- The runtime role's rights, applied after every migration run (idempotent). Default privileges
-- make tables and sequences the owner creates later reachable too, so a new module's migration
-- needs no grant of its own. The audit log stays INSERT and SELECT only; its triggers remain as
-- a second line. A schema added later (pg-boss's `pgboss`) is covered once it exists and this
-- function runs again.
CREATE FUNCTION platform.grant_runtime_access(runtime_role name) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  s text;
BEGIN
  IF runtime_role = current_user THEN
    RETURN;
  END IF;
  FOREACH s IN ARRAY ARRAY['platform', 'community', 'support', 'pgboss'] LOOP
    CONTINUE WHEN NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = s);
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, runtime_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', s, runtime_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', s, runtime_role);
    EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO %I', s, runtime_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', s, runtime_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', s, runtime_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT EXECUTE ON FUNCTIONS TO %I', s, runtime_role);
  END LOOP;
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON platform.audit_log FROM %I', runtime_role);
  -- /readyz compares the applied migrations with the build's.
  EXECUTE format('GRANT USAGE ON SCHEMA drizzle TO %I', runtime_role);
  EXECUTE format('GRANT SELECT ON drizzle.__drizzle_migrations TO %I', runtime_role);
  EXECUTE format('REVOKE EXECUTE ON FUNCTION platform.grant_runtime_access(name) FROM %I', runtime_role);
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION platform.grant_runtime_access(name) FROM PUBLIC;
--> statement-breakpoint
-- The acting user of this transaction, or null when none is set.
CREATE FUNCTION support.actor_id() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('paraply.actor_id', true), '')::uuid
$$;
--> statement-breakpoint
-- THE definition of live access, used by the application's checks and lists
-- (src/server/support/queries.ts) and by every policy below: a record that has started, has not
-- ended and is not past its end, on an open case, naming the scope (any scope when null).
-- SECURITY DEFINER so that policies can consult case_access and cases without recursing into
-- their own policies.
CREATE FUNCTION support.live_case_ids(p_user_id uuid, p_scope text DEFAULT NULL) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT a.case_id
    FROM support.case_access a JOIN support.cases c ON c.id = a.case_id
   WHERE a.user_id = p_user_id
     AND (p_scope IS NULL OR p_scope = ANY (a.scopes))
     AND a.ended_at IS NULL
     AND a.valid_from <= now()
     AND (a.valid_until IS NULL OR a.valid_until > now())
     AND c.status = 'open'
$$;
--> statement-breakpoint
CREATE FUNCTION support.live_access(p_case_id uuid, p_user_id uuid, p_scope text DEFAULT NULL)
RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM support.live_case_ids(p_user_id, p_scope) AS live(case_id)
                  WHERE live.case_id = p_case_id)
$$;
--> statement-breakpoint
-- Whether anyone was ever given access to the case: the first grant on a new case is its opener's.
CREATE FUNCTION support.case_has_access(p_case_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM support.case_access WHERE case_id = p_case_id)
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION support.live_case_ids(uuid, text), support.live_access(uuid, uuid, text),
  support.case_has_access(uuid) FROM PUBLIC;
--> statement-breakpoint
ALTER TABLE support.children ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.children FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.cases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.case_access ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support.case_access FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The owner (the role running this migration) keeps every row: migrations, backup, restore and
-- seeding work as it. Its policy is the constant `true`, which the planner folds, so the owner
-- never evaluates the live-access policies (and the SECURITY DEFINER functions above, which run
-- as the owner, never recurse into them). The app is refused in production when it connects as
-- the owner (src/db/roles.ts).
CREATE POLICY owner_maintenance ON support.children TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.cases TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_maintenance ON support.case_access TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Reads: a case with live access; its child; its access records. Later tables of a case's parts
-- follow the same pattern with their scope: case_id IN (SELECT support.live_case_ids(support.actor_id(), 'plan')).
CREATE POLICY case_read ON support.cases FOR SELECT
  USING (id IN (SELECT support.live_case_ids(support.actor_id())));
--> statement-breakpoint
CREATE POLICY child_read ON support.children FOR SELECT
  USING (EXISTS (SELECT 1 FROM support.cases c WHERE c.child_id = children.id));
--> statement-breakpoint
CREATE POLICY access_read ON support.case_access FOR SELECT
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id())));
--> statement-breakpoint
-- Writes name an acting user. Who may open a case or grant access is the application's rule;
-- the database adds: updates only to visible rows, and access is granted only on a case the actor
-- is on, or to oneself as the first grant of a new case or as emergency access (whose reason a
-- check constraint requires). A new row is not visible until its access record exists, so a
-- case is opened without RETURNING (ids made by the caller). Nothing is deleted by the runtime
-- role: no DELETE policy.
CREATE POLICY child_create ON support.children FOR INSERT
  WITH CHECK (support.actor_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY child_update ON support.children FOR UPDATE
  USING (EXISTS (SELECT 1 FROM support.cases c WHERE c.child_id = children.id))
  WITH CHECK (support.actor_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY case_create ON support.cases FOR INSERT
  WITH CHECK (support.actor_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY case_update ON support.cases FOR UPDATE
  USING (id IN (SELECT support.live_case_ids(support.actor_id())))
  WITH CHECK (support.actor_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY access_grant ON support.case_access FOR INSERT
  WITH CHECK (
    case_id IN (SELECT support.live_case_ids(support.actor_id()))
    OR (user_id = support.actor_id()
        AND (basis = 'emergency' OR NOT support.case_has_access(case_id))));
--> statement-breakpoint
CREATE POLICY access_update ON support.case_access FOR UPDATE
  USING (case_id IN (SELECT support.live_case_ids(support.actor_id())))
  WITH CHECK (support.actor_id() IS NOT NULL);
