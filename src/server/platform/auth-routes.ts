import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { recordAudit } from "../../db/audit.ts";
import type { Db } from "../../db/database.ts";
import { users } from "../../db/schema/platform.ts";
import { permissionsOf } from "../../domain/platform/roles.ts";
import {
  LoginResultSchema,
  LoginSchema,
  MeSchema,
  MeUpdateSchema,
  PasswordChangeSchema,
  ProvidersSchema,
  TotpCodeSchema,
  TotpSetupSchema,
} from "../../domain/platform/schemas.ts";
import { type Actor, actorOf } from "../plugins/actor.ts";
import { auditContextOf } from "../plugins/audit.ts";
import { sessionCookieOptions } from "../plugins/auth.ts";
import { BadRequestError } from "../plugins/errors.ts";
import { beginOidcSignIn, finishOidcSignIn } from "./commands/oidc-sign-in.ts";
import { signIn } from "./commands/sign-in.ts";
import {
  beginTotpEnrolment,
  disableTotp,
  enableTotp,
  verifySecondFactor,
} from "./commands/totp.ts";
import type { Oidc } from "./oidc.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { grantsOfUsers, readSecuritySettings } from "./queries.ts";
import type { SecretBox } from "./secret-box.ts";
import {
  revokeSession,
  revokeUserSessions,
  SESSION_COOKIE,
  type SessionTimes,
} from "./sessions.ts";

interface Deps {
  db: Db;
  config: Config;
  times: SessionTimes;
  secureCookies: boolean;
  oidc: Oidc | null;
  secrets: SecretBox;
}

const Ok = z.object({ ok: z.literal(true) });

export function registerAuthRoutes(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const totpDeps = { db, secrets: deps.secrets };
  const signInDeps = {
    db,
    secrets: deps.secrets,
    times: deps.times,
    maxFailures: config.LOGIN_MAX_FAILURES,
    lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES,
  };
  const cookie = sessionCookieOptions(deps.secureCookies, deps.times.absoluteHours * 3600);
  const loginLimit = { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: 60_000 };

  app.get(
    "/api/auth/providers",
    {
      config: { access: "public" },
      schema: { tags: ["auth"], response: { 200: ProvidersSchema } },
    },
    async () => ({ password: true, oidc: deps.oidc ? { label: deps.oidc.label } : null }),
  );

  app.post(
    "/api/auth/login",
    {
      config: { access: "public", rateLimit: loginLimit },
      schema: { tags: ["auth"], body: LoginSchema, response: { 200: LoginResultSchema } },
    },
    async (request, reply) => {
      const result = await signIn(signInDeps, auditContextOf(request), request.body);
      reply.setCookie(SESSION_COOKIE, result.token, cookie);
      return { status: result.mfaRequired ? ("mfa_required" as const) : ("signed_in" as const) };
    },
  );

  app.post(
    "/api/auth/mfa",
    {
      config: { access: "any-session", rateLimit: loginLimit },
      schema: { tags: ["auth"], body: TotpCodeSchema, response: { 200: LoginResultSchema } },
    },
    async (request) => {
      await verifySecondFactor(
        signInDeps,
        actorOf(request),
        auditContextOf(request),
        request.body.code,
      );
      return { status: "signed_in" as const };
    },
  );

  app.post(
    "/api/auth/logout",
    { config: { access: "any-session" }, schema: { tags: ["auth"], response: { 200: Ok } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction(async (tx) => {
        await revokeSession(tx, actor.sessionId);
        await recordAudit(tx, auditContextOf(request), {
          action: "auth.sign_out",
          subjectType: "user",
          subjectId: actor.userId,
        });
      });
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.secureCookies));
      return { ok: true as const };
    },
  );

  app.get(
    "/api/auth/me",
    { config: { access: "enrolment" }, schema: { tags: ["auth"], response: { 200: MeSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const grants = (await grantsOfUsers(db, [actor.userId])).get(actor.userId) ?? [];
      const permissions = [...new Set(actor.grants.flatMap((g) => permissionsOf(g.role)))];
      return {
        id: actor.userId,
        email: actor.email,
        displayName: actor.displayName,
        locale: actor.locale,
        totpEnabled: actor.totpEnabled,
        mfaEnrolmentRequired: actor.mfaEnrolmentRequired,
        authMethod: actor.authMethod,
        grants,
        permissions,
      };
    },
  );

  app.patch(
    "/api/auth/me",
    {
      config: { access: "enrolment" },
      schema: { tags: ["auth"], body: MeUpdateSchema, response: { 200: Ok } },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ ...request.body, updatedAt: new Date() })
          .where(eq(users.id, actor.userId));
        await recordAudit(tx, auditContextOf(request), {
          action: "user.update_own",
          subjectType: "user",
          subjectId: actor.userId,
          details: { fields: Object.keys(request.body) },
        });
      });
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/password",
    {
      config: { access: "enrolment", rateLimit: loginLimit },
      schema: { tags: ["auth"], body: PasswordChangeSchema, response: { 200: Ok } },
    },
    async (request) => {
      const actor = actorOf(request);
      const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
      if (
        !user?.passwordHash ||
        !(await verifyPassword(user.passwordHash, request.body.currentPassword))
      ) {
        throw new BadRequestError("Nuvarande lösenord stämmer inte.", [
          { path: "currentPassword", message: "Lösenordet stämmer inte." },
        ]);
      }
      const passwordHash = await hashPassword(request.body.newPassword);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, updatedAt: new Date() })
          .where(eq(users.id, actor.userId));
        await revokeUserSessions(tx, actor.userId, actor.sessionId);
        await recordAudit(tx, auditContextOf(request), {
          action: "auth.password_changed",
          subjectType: "user",
          subjectId: actor.userId,
        });
      });
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/totp/setup",
    {
      config: { access: "enrolment" },
      schema: { tags: ["auth"], response: { 200: TotpSetupSchema } },
    },
    async (request) => beginTotpEnrolment(totpDeps, actorOf(request), auditContextOf(request)),
  );

  app.post(
    "/api/auth/totp/enable",
    {
      config: { access: "enrolment" },
      schema: { tags: ["auth"], body: TotpCodeSchema, response: { 200: Ok } },
    },
    async (request) => {
      await enableTotp(totpDeps, actorOf(request), auditContextOf(request), request.body.code);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/totp/disable",
    {
      config: { access: "session" },
      schema: { tags: ["auth"], body: TotpCodeSchema, response: { 200: Ok } },
    },
    async (request) => {
      const actor = actorOf(request);
      const required = await totpRequiredFor(db, actor);
      await disableTotp(totpDeps, actor, auditContextOf(request), request.body.code, required);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/auth/oidc/login",
    { config: { access: "public", rateLimit: loginLimit }, schema: { tags: ["auth"] } },
    async (_request, reply) => {
      if (!deps.oidc)
        return reply.status(404).send({
          error: { code: "not_found", message: "Inloggning via OIDC är inte konfigurerad." },
        });
      return reply.redirect(await beginOidcSignIn(db, deps.oidc));
    },
  );

  app.get(
    "/api/auth/oidc/callback",
    { config: { access: "public", rateLimit: loginLimit }, schema: { tags: ["auth"] } },
    async (request, reply) => {
      if (!deps.oidc)
        return reply.status(404).send({
          error: { code: "not_found", message: "Inloggning via OIDC är inte konfigurerad." },
        });
      const callbackUrl = new URL(request.url, deps.oidc.redirectUri);
      try {
        const token = await finishOidcSignIn(
          { db, oidc: deps.oidc, times: deps.times },
          auditContextOf(request),
          callbackUrl,
        );
        reply.setCookie(SESSION_COOKIE, token, cookie);
        return reply.redirect("/");
      } catch (error) {
        const code = (error as { code?: string }).code ?? "oidc_failed";
        return reply.redirect(`/login?error=${encodeURIComponent(code)}`);
      }
    },
  );
}

async function totpRequiredFor(db: Db, actor: Actor): Promise<boolean> {
  const { requireMfaForRoles } = await readSecuritySettings(db);
  return actor.grants.some((g) => requireMfaForRoles.includes(g.role));
}
