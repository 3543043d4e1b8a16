import { asc, eq, sql } from "drizzle-orm";
import type pg from "pg";
import { type Db, type DbOrTx, uuidArray } from "../../db/database.ts";
import { municipalityRefs, organisations, settings } from "../../db/schema/platform.ts";
import { type Permission, ROLES, type Role, roleAllows } from "../../domain/platform/roles.ts";
import type { Actor } from "../plugins/actor.ts";
import { isSystemAdmin } from "../plugins/actor.ts";

function rolesWith(permission: Permission): string[] {
  return ROLES.filter((role) => roleAllows(role, permission));
}

function grantOrgIds(actor: Actor, permission: Permission): string[] {
  const roles = rolesWith(permission);
  return actor.grants
    .filter((g) => g.organisationId && roles.includes(g.role))
    .map((g) => g.organisationId as string);
}

/** null means "all organisations" (a system administrator). */
export type OrgIdSet = Set<string> | null;

const SUBTREE = {
  name: "paraply_org_subtree",
  text: `
    WITH RECURSIVE tree AS (
      SELECT id FROM platform.organisations WHERE id = ANY($1::uuid[])
      UNION
      SELECT o.id FROM platform.organisations o JOIN tree t ON o.parent_id = t.id
    ) SELECT id FROM tree`,
};

const LINEAGE = {
  name: "paraply_org_lineage",
  text: `
    WITH RECURSIVE down AS (
      SELECT id FROM platform.organisations WHERE id = ANY($1::uuid[])
      UNION
      SELECT o.id FROM platform.organisations o JOIN down d ON o.parent_id = d.id
    ), up AS (
      SELECT id, parent_id FROM platform.organisations WHERE id = ANY($1::uuid[])
      UNION
      SELECT o.id, o.parent_id FROM platform.organisations o JOIN up u ON o.id = u.parent_id
    ) SELECT id FROM down UNION SELECT id FROM up`,
};

/**
 * Runs a scope query for a set of root organisations. On the pool-backed Db (every request's
 * AccessContext) it is a named statement, parsed and planned once per connection: these run on
 * most authenticated requests. In a transaction it runs as a plain parameterised query.
 */
async function orgIds(
  db: DbOrTx,
  query: { name: string; text: string },
  roots: string[],
): Promise<Set<string>> {
  const literal = `{${roots.join(",")}}`;
  const pool = (db as { $client?: pg.Pool }).$client;
  const rows = pool
    ? (await pool.query<{ id: string }>({ ...query, values: [literal] })).rows
    : (
        await db.execute<{ id: string }>(
          sql.join(
            query.text.split("$1").map((part) => sql.raw(part)),
            sql`${literal}`,
          ),
        )
      ).rows;
  return new Set(rows.map((r) => r.id));
}

/**
 * Organisations where the actor holds `permission`: the subtree under each organisation where a
 * role granting it is held. Lists filter by this and detail checks ask it, so they agree.
 */
export async function subtreeWhere(
  db: DbOrTx,
  actor: Actor,
  permission: Permission,
): Promise<OrgIdSet> {
  if (isSystemAdmin(actor)) return null;
  const roots = grantOrgIds(actor, permission);
  if (roots.length === 0) return new Set();
  return orgIds(db, SUBTREE, roots);
}

/**
 * Organisations the actor may see: the subtrees under their roles, and the ancestors of those
 * roles (a unit's staff see their municipality and its collaboration, which own shared data).
 */
export async function lineageWhere(
  db: DbOrTx,
  actor: Actor,
  permission: Permission,
): Promise<OrgIdSet> {
  if (isSystemAdmin(actor)) return null;
  const roots = grantOrgIds(actor, permission);
  if (roots.length === 0) return new Set();
  return orgIds(db, LINEAGE, roots);
}

export function inSet(set: OrgIdSet, id: string | null | undefined): boolean {
  if (set === null) return true;
  return id ? set.has(id) : false;
}

export type GrantWithName = {
  id: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
};

/**
 * One person's role grants, with organisation names. The id is compared as a single value: given
 * as a one-element array, PostgreSQL judged a plan kept for any array dearer than one for that
 * array and planned the statement on every call (0.29 ms, against 0.03 to run it), and every
 * page asks it through `GET /api/auth/me`.
 */
export async function grantsOfUser(db: DbOrTx, userId: string): Promise<GrantWithName[]> {
  const result = await db.execute<GrantWithName>(sql`
    SELECT r.id, r.role, r.organisation_id AS "organisationId", o.name AS "organisationName"
    FROM platform.role_assignments r LEFT JOIN platform.organisations o ON o.id = r.organisation_id
    WHERE r.user_id = ${userId}::uuid
    ORDER BY o.name NULLS FIRST, r.role`);
  return result.rows;
}

export interface SecuritySettings {
  requireMfaForRoles: Role[];
}

export async function readSecuritySettings(db: DbOrTx): Promise<SecuritySettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, "security"));
  const value = row?.value as Partial<SecuritySettings> | undefined;
  return { requireMfaForRoles: value?.requireMfaForRoles ?? [] };
}

export type OrganisationRecord = typeof organisations.$inferSelect & { countyName: string | null };

/** Every organisation, by name, held in memory by the cache (see AuthCache). */
export class OrganisationSnapshot {
  private readonly byId: Map<string, OrganisationRecord>;

  constructor(private readonly ordered: OrganisationRecord[]) {
    this.byId = new Map(ordered.map((o) => [o.id, o]));
  }

  get(id: string): OrganisationRecord | undefined {
    return this.byId.get(id);
  }

  within(visible: OrgIdSet): OrganisationRecord[] {
    return visible === null ? this.ordered : this.ordered.filter((o) => visible.has(o.id));
  }
}

function selectOrganisations(db: Db) {
  return db
    .select({ org: organisations, countyName: municipalityRefs.countyName })
    .from(organisations)
    .leftJoin(municipalityRefs, eq(municipalityRefs.code, organisations.municipalityCode));
}

const asRecord = (row: { org: typeof organisations.$inferSelect; countyName: string | null }) => ({
  ...row.org,
  countyName: row.countyName,
});

/** Organisations within a scope (null: all), by name. */
export async function readOrganisations(db: Db, visible: OrgIdSet): Promise<OrganisationRecord[]> {
  const rows = await selectOrganisations(db)
    .where(visible === null ? undefined : sql`${organisations.id} = ANY(${uuidArray(visible)})`)
    .orderBy(asc(organisations.name));
  return rows.map(asRecord);
}

export async function readOrganisationSnapshot(db: Db): Promise<OrganisationSnapshot> {
  return new OrganisationSnapshot(await readOrganisations(db, null));
}

/** One organisation by id, as a statement prepared once per connection (a hot read). */
export function organisationReader(
  db: Db,
): (id: string) => Promise<OrganisationRecord | undefined> {
  const byId = selectOrganisations(db)
    .where(eq(organisations.id, sql.placeholder("id")))
    .prepare("paraply_organisation_by_id");
  return async (id) => {
    const [row] = await byId.execute({ id });
    return row ? asRecord(row) : undefined;
  };
}

/** Sweden's municipalities by name. */
export function readMunicipalityRefs(db: DbOrTx) {
  return db.select().from(municipalityRefs).orderBy(asc(municipalityRefs.name));
}

/**
 * Those of `refs` whose name holds the search or whose code starts with it, in their order: what
 * an ILIKE on name ('%q%') and code ('q%') would find.
 */
export function searchMunicipalityRefs<R extends { name: string; code: string }>(
  refs: R[],
  q: string,
): R[] {
  const needle = q.toLocaleLowerCase("sv");
  return refs.filter(
    (r) => r.name.toLocaleLowerCase("sv").includes(needle) || r.code.startsWith(needle),
  );
}
