import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
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
// in the same statement.
const GRANTS_OF_ROW = sql<GrantWithName[]>`coalesce((
  SELECT json_agg(json_build_object('id', r.id, 'role', r.role,
           'organisationId', r.organisation_id, 'organisationName', o.name)
         ORDER BY o.name NULLS FIRST, r.role)
  FROM platform.role_assignments r LEFT JOIN platform.organisations o ON o.id = r.organisation_id
  WHERE r.user_id = "platform"."users"."id"), '[]')`;

/** One account with its role grants, and the organisations the policy asks about. */
export async function findUserWithGrants(db: DbOrTx, id: string) {
  const [found] = await db
    .select({ user: users, grants: GRANTS_OF_ROW })
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
  return db
    .select({
      // What a list entry shows, and never a password hash or a two-factor secret.
      user: {
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        disabledAt: users.disabledAt,
        lockedUntil: users.lockedUntil,
        totpEnabledAt: users.totpEnabledAt,
      },
      grants: GRANTS_OF_ROW,
    })
    .from(users)
    .where(
      and(
        q
          ? or(
              ilike(users.email, `%${likeLiteral(q)}%`),
              ilike(users.displayName, `%${likeLiteral(q)}%`),
            )
          : undefined,
        orgFilter === null
          ? undefined
          : // As an array, not IN (…): PostgreSQL then fetches the few people in scope and sorts
            // them, where a semi-join walked the name index through every account in the country.
            sql`${users.id} = ANY(ARRAY(SELECT ${roleAssignments.userId} FROM ${roleAssignments}
              WHERE ${roleAssignments.organisationId} = ANY(${uuidArray(orgFilter)})))`,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(page.limit)
    .offset(page.offset);
}
