import { eq, sql } from "drizzle-orm";
import {
  type DbOrTx,
  fixedStatement,
  nullableDate,
  opaqueUuidArray,
  pageClause,
} from "../../db/database.ts";
import { likeLiteral } from "../../db/like.ts";
import { users } from "../../db/schema/platform.ts";
import type { GrantWithName, OrgIdSet } from "./queries.ts";

export type UserRow = typeof users.$inferSelect;
export type UserListRow = Pick<
  UserRow,
  "id" | "email" | "displayName" | "disabledAt" | "lockedUntil" | "totpEnabledAt"
>;

// An account's grants with their organisations' names, by organisation name: beside the account
// in the same statement. `userId` is written out qualified: drizzle names columns bare in a
// selection, where "id" would be the grant's own.
const grantsOf = (userId: string) => sql<GrantWithName[]>`coalesce((
  SELECT json_agg(json_build_object('id', r.id, 'role', r.role,
           'organisationId', r.organisation_id, 'organisationName', o.name)
         ORDER BY o.name NULLS FIRST, r.role)
  FROM platform.role_assignments r LEFT JOIN platform.organisations o ON o.id = r.organisation_id
  WHERE r.user_id = ${sql.raw(userId)}), '[]')`;

/** One account with its role grants, and the organisations the policy asks about. */
export async function findUserWithGrants(db: DbOrTx, id: string) {
  const [found] = await db
    .select({ user: users, grants: grantsOf('"platform"."users"."id"') })
    .from(users)
    .where(eq(users.id, id));
  if (!found) return undefined;
  const { user, grants } = found;
  const target = {
    userId: id,
    organisationIds: grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])),
    grants,
  };
  return { user, grants, target };
}

/**
 * One page of the accounts with a role in the given organisations (all when `scope` is null), by
 * name, optionally matching a search on e-mail or name, each with its grants: one statement.
 */
export async function listUsers(
  db: DbOrTx,
  scope: OrgIdSet,
  filter: { q?: string; organisationId?: string },
  page: { limit: number; offset: number },
): Promise<{ user: UserListRow; grants: GrantWithName[] }[]> {
  const { q, organisationId } = filter;
  const orgFilter =
    scope === null
      ? organisationId
        ? [organisationId]
        : null
      : [...scope].filter((id) => !organisationId || id === organisationId);
  if (orgFilter !== null && orgFilter.length === 0) return [];
  const pattern = q ? `%${likeLiteral(q)}%` : null;
  const search =
    pattern === null
      ? sql`true`
      : sql`(u.email ILIKE ${pattern} OR u.display_name ILIKE ${pattern})`;
  // Written out rather than built with drizzle's select: building it and mapping its rows (`is`,
  // `mapResultRow`) were a quarter of the app's CPU on an organisation administrator's list
  // (bench/api). What a list entry shows, and never a password hash or a two-factor secret.
  const entry = sql`u.id, u.email, u.display_name, u.disabled_at, u.locked_until, u.totp_enabled_at`;
  const found =
    orgFilter === null
      ? // Everyone: the name index gives the page in order.
        sql`SELECT ${entry}, ${grantsOf("u.id")} AS grants FROM platform.users u WHERE ${search}`
      : // The people of some organisations: found by their ids, then sorted. OFFSET 0 keeps
        // them a subquery: merged into the outer query, the prepared statement's generic plan
        // walked the name index through every account in the country, testing each against the
        // ids.
        sql`SELECT ${entry}, ${grantsOf("u.id")} AS grants
              FROM (SELECT ${entry}
                      FROM platform.users u
                     WHERE ${search} AND u.id = ANY(ARRAY(
                       SELECT r.user_id FROM platform.role_assignments r
                        WHERE r.organisation_id = ANY(${opaqueUuidArray(orgFilter)})))
                    OFFSET 0) u`;
  const result = await db.execute<UserListSql>(
    fixedStatement(
      sql`${found} ORDER BY u.display_name, u.id ${pageClause(page.limit, page.offset)}`,
    ),
  );
  return result.rows.map((r) => ({
    user: {
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      disabledAt: nullableDate(r.disabled_at),
      lockedUntil: nullableDate(r.locked_until),
      totpEnabledAt: nullableDate(r.totp_enabled_at),
    },
    grants: r.grants,
  }));
}

interface UserListSql extends Record<string, unknown> {
  id: string;
  email: string;
  display_name: string;
  disabled_at: string | null;
  locked_until: string | null;
  totp_enabled_at: string | null;
  grants: GrantWithName[];
}
