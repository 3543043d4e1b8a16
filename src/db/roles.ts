import type pg from "pg";

/** The roles the embedded database makes; with DATABASE_URL the operator names their own. */
export const EMBEDDED_OWNER_ROLE = "paraply_owner";
export const EMBEDDED_RUNTIME_ROLE = "paraply_app";

/** The schemas that hold the app's data. */
const APP_SCHEMAS = ["platform", "community", "support", "drizzle", "pgboss"];

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Creates the owner and runtime roles of the embedded cluster, or brings them up to date
 * (idempotent: run at every start, as the superuser). The owner runs migrations, seeding, backup
 * and restore and may create databases (the tests make throwaway ones); it is a member of the
 * runtime role so that it can stop the runtime role's sessions when it drops such a database. The
 * runtime role is what the app connects as: no superuser, no BYPASSRLS, owner of nothing.
 */
export async function ensureEmbeddedRoles(
  superuser: pg.ClientBase,
  passwords: { owner: string; runtime: string },
): Promise<void> {
  const owner = ident(EMBEDDED_OWNER_ROLE);
  const runtime = ident(EMBEDDED_RUNTIME_ROLE);
  for (const role of [EMBEDDED_OWNER_ROLE, EMBEDDED_RUNTIME_ROLE]) {
    const exists = await superuser.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (exists.rows.length === 0) {
      await superuser.query(`CREATE ROLE ${ident(role)}`).catch((error) => {
        // Two starts at once (tests): the other one made it.
        if ((error as { code?: string }).code !== "42710") throw error;
      });
    }
  }
  await superuser.query(
    `ALTER ROLE ${owner} LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${superuser.escapeLiteral(passwords.owner)}`,
  );
  await superuser.query(
    `ALTER ROLE ${runtime} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION PASSWORD ${superuser.escapeLiteral(passwords.runtime)}`,
  );
  await superuser.query(`GRANT ${runtime} TO ${owner}`);
  // Restore loads the audit log as it was, with triggers off for its transaction.
  await superuser.query(`GRANT SET ON PARAMETER session_replication_role TO ${owner}`);
}

/**
 * Hands the app's schemas and everything in them to the owner role: data directories of earlier
 * versions have them owned by the superuser that ran the migrations. Returns how many objects
 * moved (0 once done). Run as the superuser, in the app's database.
 */
export async function moveToOwner(superuser: pg.ClientBase, owner: string): Promise<number> {
  const result = await superuser.query<{ moved: number }>(
    `WITH owner AS (SELECT oid FROM pg_roles WHERE rolname = $1),
     schemas AS (SELECT oid, nspname FROM pg_namespace WHERE nspname = ANY($2))
     SELECT count(*)::int AS moved FROM (
       SELECT 1 FROM schemas s WHERE (SELECT nspowner FROM pg_namespace WHERE oid = s.oid) <> (SELECT oid FROM owner)
       UNION ALL
       SELECT 1 FROM pg_class c WHERE c.relnamespace IN (SELECT oid FROM schemas)
          AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relowner <> (SELECT oid FROM owner)
       UNION ALL
       SELECT 1 FROM pg_proc p WHERE p.pronamespace IN (SELECT oid FROM schemas)
          AND p.proowner <> (SELECT oid FROM owner)
     ) x`,
    [owner, APP_SCHEMAS],
  );
  const moved = result.rows[0]?.moved ?? 0;
  if (moved === 0) return 0;
  await superuser.query("BEGIN");
  try {
    await superuser.query(
      `DO $move$
       DECLARE
         r record;
         target text := ${superuser.escapeLiteral(owner)};
         schemas text[] := ${superuser.escapeLiteral(`{${APP_SCHEMAS.join(",")}}`)};
       BEGIN
         FOR r IN SELECT nspname FROM pg_namespace WHERE nspname = ANY (schemas) LOOP
           EXECUTE format('ALTER SCHEMA %I OWNER TO %I', r.nspname, target);
         END LOOP;
         -- Tables take the sequences of their columns with them.
         FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                   JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = ANY (schemas) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                    AND NOT c.relispartition AND pg_get_userbyid(c.relowner) <> target LOOP
           EXECUTE format('ALTER %s %s OWNER TO %I',
             CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                            WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name, target);
         END LOOP;
         FOR r IN SELECT c.oid::regclass AS name FROM pg_class c
                   JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = ANY (schemas) AND c.relkind = 'S'
                    AND pg_get_userbyid(c.relowner) <> target LOOP
           EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', r.name, target);
         END LOOP;
         FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                   JOIN pg_namespace n ON n.oid = p.pronamespace
                  WHERE n.nspname = ANY (schemas) AND pg_get_userbyid(p.proowner) <> target LOOP
           EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, target);
         END LOOP;
       END
       $move$`,
    );
    await superuser.query("COMMIT");
  } catch (error) {
    await superuser.query("ROLLBACK").catch(() => {});
    throw error;
  }
  return moved;
}

/**
 * Gives the runtime role its rights (migration 0008's platform.grant_runtime_access), as the
 * owner, after every migration run. Call it again after creating a schema such as pg-boss's.
 */
export async function grantRuntimeAccess(owner: pg.ClientBase, runtimeRole: string): Promise<void> {
  await owner.query("SELECT platform.grant_runtime_access($1)", [runtimeRole]);
}

export interface RuntimeRoleFacts {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  /** Owns (or may act as the owner of) an app schema or table. */
  ownsData: boolean;
}

export async function runtimeRoleFacts(
  runtime: pg.Pool | pg.ClientBase,
): Promise<RuntimeRoleFacts> {
  const result = await runtime.query<RuntimeRoleFacts>(
    `SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolbypassrls AS "bypassRls",
            EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = ANY ($1)
                      AND pg_has_role(current_user, n.nspowner, 'MEMBER'))
            OR EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = ANY ($1) AND c.relkind IN ('r', 'p')
                          AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS "ownsData"
       FROM pg_roles r WHERE r.rolname = current_user`,
    [APP_SCHEMAS.filter((s) => s !== "pgboss")],
  );
  return result.rows[0]!;
}

/** What is wrong with the runtime connection's role, in words; empty when nothing is. */
export function runtimeRoleProblems(facts: RuntimeRoleFacts): string[] {
  const problems: string[] = [];
  if (facts.superuser) problems.push("is a superuser");
  if (facts.bypassRls) problems.push("has BYPASSRLS");
  if (facts.ownsData)
    problems.push("owns the app's schemas or tables (or is a member of their owner)");
  return problems;
}

/** The app would run with rights that defeat row-level security or the append-only audit log. */
export class RuntimeRoleError extends Error {}

/**
 * Checks the role the app connects as. In production a superuser, a BYPASSRLS role or the owner
 * of the app's data is refused (RuntimeRoleError naming `variable`); elsewhere it is a warning.
 */
export async function checkRuntimeRole(
  runtime: pg.Pool,
  options: { production: boolean; variable: string; warn: (message: string) => void },
): Promise<void> {
  const facts = await runtimeRoleFacts(runtime);
  const problems = runtimeRoleProblems(facts);
  if (problems.length === 0) return;
  const message = `${options.variable} connects as role "${facts.role}", which ${problems.join(", ")}: row-level security and the append-only audit log do not hold against it. Connect ${options.variable} as a runtime role that is no superuser, has no BYPASSRLS and owns nothing; migrations run as DATABASE_OWNER_URL (see docs/operations.md).`;
  if (options.production) throw new RuntimeRoleError(message);
  options.warn(message);
}
