import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type DbOrTx, uuidArray } from "../../db/database.ts";
import { likeLiteral } from "../../db/like.ts";
import { roleAssignments, users } from "../../db/schema/platform.ts";
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
  const search = q
    ? or(ilike(users.email, `%${likeLiteral(q)}%`), ilike(users.displayName, `%${likeLiteral(q)}%`))
    : undefined;
  // What a list entry shows, and never a password hash or a two-factor secret.
  const entry = {
    id: users.id,
    email: users.email,
    displayName: users.displayName,
    disabledAt: users.disabledAt,
    lockedUntil: users.lockedUntil,
    totpEnabledAt: users.totpEnabledAt,
  };
  if (orgFilter === null) {
    // Everyone: the name index gives the page in order.
    return db
      .select({ user: entry, grants: grantsOf('"platform"."users"."id"') })
      .from(users)
      .where(search)
      .orderBy(asc(users.displayName), asc(users.id))
      .limit(page.limit)
      .offset(page.offset);
  }
  // The people of some organisations: found by their ids, then sorted. OFFSET 0 keeps them a
  // subquery: merged into the outer query, the prepared statement's generic plan walked the name
  // index through every account in the country, testing each against the ids.
  const inScope = db
    .select(entry)
    .from(users)
    .where(
      and(
        search,
        sql`${users.id} = ANY(ARRAY(SELECT ${roleAssignments.userId} FROM ${roleAssignments}
          WHERE ${roleAssignments.organisationId} = ANY(${uuidArray(orgFilter)})))`,
      ),
    );
  // A column of the subquery, read as the users column it is.
  const u = <C extends AnyPgColumn>(column: C) =>
    sql`"u".${sql.identifier(column.name)}`.mapWith(column);
  return db
    .select({
      user: {
        id: u(users.id),
        email: u(users.email),
        displayName: u(users.displayName),
        disabledAt: u(users.disabledAt),
        lockedUntil: u(users.lockedUntil),
        totpEnabledAt: u(users.totpEnabledAt),
      },
      grants: grantsOf('"u"."id"'),
    })
    .from(sql`(${inScope} OFFSET 0) AS "u"`)
    .orderBy(asc(u(users.displayName)), asc(u(users.id)))
    .limit(page.limit)
    .offset(page.offset);
}
