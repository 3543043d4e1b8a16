import { and, eq, lt, sql } from "drizzle-orm";
import { type AuditContext, recordAudit, recordStandaloneAudit } from "../../../db/audit.ts";
import type { Db } from "../../../db/database.ts";
import { oidcLoginFlows, users } from "../../../db/schema/platform.ts";
import { DomainError } from "../../plugins/errors.ts";
import type { Oidc } from "../oidc.ts";
import { createSession, type SessionTimes } from "../sessions.ts";

export async function beginOidcSignIn(db: Db, oidc: Oidc): Promise<string> {
  const flow = await oidc.begin();
  await db
    .delete(oidcLoginFlows)
    .where(lt(oidcLoginFlows.createdAt, new Date(Date.now() - 3_600_000)));
  await db
    .insert(oidcLoginFlows)
    .values({ state: flow.state, nonce: flow.nonce, codeVerifier: flow.codeVerifier });
  return flow.url;
}

/**
 * Finishes a sign-in at the identity provider. Only people who already have a Paraply account
 * get in: matched by their identity at the provider, or on first use by a verified e-mail.
 */
export async function finishOidcSignIn(
  deps: { db: Db; oidc: Oidc; times: SessionTimes },
  audit: AuditContext,
  callbackUrl: URL,
): Promise<string> {
  const state = callbackUrl.searchParams.get("state") ?? "";
  const [flow] = await deps.db
    .delete(oidcLoginFlows)
    .where(eq(oidcLoginFlows.state, state))
    .returning();
  if (!flow || flow.createdAt < new Date(Date.now() - 600_000)) {
    throw new DomainError(
      400,
      "oidc_state",
      "Inloggningen tog för lång tid eller är redan använd. Försök igen.",
    );
  }
  const identity = await deps.oidc.finish(callbackUrl, flow).catch(() => {
    throw new DomainError(
      401,
      "oidc_failed",
      "Inloggningen via kommunens inloggningstjänst misslyckades.",
    );
  });
  const { db } = deps;
  let [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.oidcIssuer, identity.issuer), eq(users.oidcSubject, identity.subject)));
  if (!user && identity.email && identity.emailVerified) {
    [user] = await db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${identity.email} AND oidc_subject IS NULL`);
  }
  const label = identity.email ?? `${identity.issuer}#${identity.subject}`;
  if (!user || user.disabledAt) {
    await recordStandaloneAudit(
      db,
      { ...audit, actorLabel: label },
      {
        action: "auth.sign_in",
        outcome: "failure",
        details: { method: "oidc", reason: user ? "disabled" : "no_account" },
      },
    );
    throw new DomainError(
      403,
      "no_account",
      "Du har inget konto i Paraply. Kontakta din administratör.",
    );
  }
  const account = user;
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject, lastLoginAt: new Date() })
      .where(eq(users.id, account.id));
    const session = await createSession(tx, {
      userId: account.id,
      authMethod: "oidc",
      mfaPending: false,
      ip: audit.ip,
      userAgent: audit.userAgent,
      times: deps.times,
    });
    await recordAudit(
      tx,
      { ...audit, actorId: account.id, actorLabel: account.email },
      {
        action: "auth.sign_in",
        subjectType: "user",
        subjectId: account.id,
        details: { method: "oidc", issuer: identity.issuer },
      },
    );
    return session.token;
  });
}
