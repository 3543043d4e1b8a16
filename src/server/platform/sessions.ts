import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { type Db, type DbOrTx, poolOf } from "../../db/database.ts";
import { sessions } from "../../db/schema/platform.ts";
import type { Role } from "../../domain/platform/roles.ts";
import type { Actor, RoleGrant } from "../plugins/actor.ts";
import type { AuthCache } from "./auth-cache.ts";

export const SESSION_COOKIE = "paraply_session";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface SessionTimes {
  idleMinutes: number;
  absoluteHours: number;
}

export async function createSession(
  tx: DbOrTx,
  input: {
    userId: string;
    authMethod: "password" | "oidc";
    mfaPending: boolean;
    ip: string | null;
    userAgent: string | null;
    times: SessionTimes;
  },
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const id = hashToken(token);
  const expiresAt = new Date(Date.now() + input.times.absoluteHours * 3_600_000);
  await tx.insert(sessions).values({
    id,
    userId: input.userId,
    authMethod: input.authMethod,
    mfaPending: input.mfaPending,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { token, id, expiresAt };
}

export async function revokeSession(tx: DbOrTx, id: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Ends a user's sessions; `keep` spares the one the change was made from (own password change). */
export async function revokeUserSessions(
  tx: DbOrTx,
  userId: string,
  keep?: string,
): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keep ? ne(sessions.id, keep) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

export async function completeMfa(tx: DbOrTx, id: string): Promise<void> {
  await tx.update(sessions).set({ mfaPending: false }).where(eq(sessions.id, id));
}

interface SessionRow extends Record<string, unknown> {
  session_id: string;
  user_id: string;
  email: string;
  display_name: string;
  locale: "sv" | "en";
  auth_method: "password" | "oidc";
  mfa_pending: boolean;
  totp_enabled: boolean;
  stale: boolean;
  expires_at: Date;
  grants: { id: string; role: Role; organisationId: string | null }[];
  mfa_roles: Role[] | null;
}

// A named statement: PostgreSQL parses and plans it once per connection. This runs on every
// authenticated request, and the plain path (drizzle's execute) cost several times as much.
const LOAD_ACTOR = {
  name: "paraply_load_actor",
  text: `
    SELECT s.id AS session_id, u.id AS user_id, u.email, u.display_name, u.locale,
           s.auth_method, s.mfa_pending, (u.totp_enabled_at IS NOT NULL) AS totp_enabled,
           (s.last_seen_at < now() - interval '1 minute') AS stale, s.expires_at,
           coalesce((SELECT json_agg(json_build_object('id', r.id, 'role', r.role,
                       'organisationId', r.organisation_id))
                     FROM platform.role_assignments r WHERE r.user_id = u.id), '[]') AS grants,
           (SELECT value->'requireMfaForRoles' FROM platform.settings WHERE key = 'security') AS mfa_roles
    FROM platform.sessions s JOIN platform.users u ON u.id = s.user_id
    WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
      AND s.last_seen_at > now() - make_interval(mins => $2::int)
      AND u.disabled_at IS NULL`,
};

/**
 * Loads the actor for a session (by its token's hash) in one round trip: the session must be
 * unrevoked, within both its absolute and idle limits, and its user enabled. The caller has
 * looked in the cache already; what is loaded is stored there.
 */
export async function loadActor(
  db: Db,
  id: string,
  times: SessionTimes,
  cache?: AuthCache,
): Promise<Actor | null> {
  const version = cache?.version ?? 0;
  const pool = poolOf(db);
  const result = await pool.query<SessionRow>({
    ...LOAD_ACTOR,
    values: [id, times.idleMinutes],
  });
  const row = result.rows[0];
  if (!row) return null;
  if (row.stale) {
    // Touch at most once a minute so that reads stay reads.
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
  }
  const grants: RoleGrant[] = row.grants;
  const mfaRoles = row.mfa_roles ?? [];
  const actor: Actor = {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    sessionId: row.session_id,
    authMethod: row.auth_method,
    mfaPending: row.mfa_pending,
    totpEnabled: row.totp_enabled,
    mfaEnrolmentRequired:
      row.auth_method === "password" &&
      !row.totp_enabled &&
      grants.some((g) => mfaRoles.includes(g.role)),
    grants,
  };
  cache?.setActor(id, actor, row.expires_at, version);
  return actor;
}

/** A person's sessions that can still be used (not revoked, within both limits), newest first. */
export async function readLiveSessions(tx: DbOrTx, userId: string, times: SessionTimes) {
  return tx
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${times.idleMinutes}::int)`),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
}
