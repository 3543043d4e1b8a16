import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Config } from "../../config.ts";
import type { Db, DbOrTx } from "../../db/database.ts";
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
import type { Actor } from "../plugins/actor.ts";
import { sessionCookieOptions } from "../plugins/auth.ts";
import { route } from "../plugins/route.ts";
import { changePassword } from "./commands/change-password.ts";
import { beginOidcSignIn, finishOidcSignIn } from "./commands/oidc-sign-in.ts";
import { signIn } from "./commands/sign-in.ts";
import { signOut } from "./commands/sign-out.ts";
import {
  beginTotpEnrolment,
  disableTotp,
  enableTotp,
  verifySecondFactor,
} from "./commands/totp.ts";
import { updateOwnProfile } from "./commands/update-own-profile.ts";
import type { Oidc } from "./oidc.ts";
import { grantsOfUser, readSecuritySettings } from "./queries.ts";
import type { SecretBox } from "./secret-box.ts";
import { SESSION_COOKIE, type SessionTimes } from "./sessions.ts";

interface Deps {
  db: Db;
  config: Config;
  times: SessionTimes;
  secureCookies: boolean;
  oidc: Oidc | null;
  secrets: SecretBox;
}

const Ok = z.object({ ok: z.literal(true) });
const tags = ["auth"];
const OIDC_OFF = {
  error: { code: "not_found", message: "Inloggning via OIDC är inte konfigurerad." },
};

export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
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

  route(app, deps, {
    method: "GET",
    url: "/api/auth/providers",
    summary: "List the sign-in methods",
    description:
      "Whether password sign-in is offered and which single sign-on (OIDC) provider, if any.",
    access: "public",
    schema: { tags, response: { 200: ProvidersSchema } },
    run: async () => ({ password: true, oidc: deps.oidc ? { label: deps.oidc.label } : null }),
  });

  route(app, deps, {
    method: "POST",
    url: "/api/auth/login",
    summary: "Sign in with e-mail and password",
    description:
      "Sets the session cookie. When the account uses two-factor authentication the session is half signed in until `POST /api/auth/mfa`. Failed attempts lock the account for a while.",
    access: "public",
    rateLimit: loginLimit,
    schema: { tags, body: LoginSchema, response: { 200: LoginResultSchema } },
    run: async ({ audit, body, reply }) => {
      const result = await signIn(signInDeps, audit, body);
      reply.setCookie(SESSION_COOKIE, result.token, cookie);
      return {
        status: result.mfaRequired ? ("mfa_required" as const) : ("signed_in" as const),
        ...(result.wasLocked ? { accountWasLocked: true as const } : {}),
      };
    },
  });

  route(app, deps, {
    method: "POST",
    url: "/api/auth/mfa",
    summary: "Give the two-factor code",
    description: "Completes a sign-in that awaits the code from the authenticator app.",
    access: "any-session",
    rateLimit: loginLimit,
    schema: { tags, body: TotpCodeSchema, response: { 200: LoginResultSchema } },
    run: async ({ ctx, audit, body }) => {
      await verifySecondFactor(signInDeps, ctx.actor, audit, body.code);
      return { status: "signed_in" as const };
    },
  });

  route(app, deps, {
    method: "POST",
    url: "/api/auth/logout",
    summary: "Sign out",
    description: "Ends this session and clears its cookie.",
    access: "any-session",
    schema: { tags, response: { 200: Ok } },
    run: async ({ db, ctx, audit, reply }) => {
      await signOut(db, ctx.actor, audit);
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.secureCookies));
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: "GET",
    url: "/api/auth/me",
    summary: "Read the signed-in person",
    description: "The caller's account, role grants and the permissions they hold somewhere.",
    access: "enrolment",
    schema: { tags, response: { 200: MeSchema } },
    run: async ({ db, ctx: { actor } }) => {
      const grants = await grantsOfUser(db, actor.userId);
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
  });

  route(app, deps, {
    method: "PATCH",
    url: "/api/auth/me",
    summary: "Change one's own name or language",
    access: "enrolment",
    schema: { tags, body: MeUpdateSchema, response: { 200: Ok } },
    run: async ({ db, ctx, audit, body }) => {
      await updateOwnProfile(db, ctx.actor, audit, body);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: "POST",
    url: "/api/auth/password",
    summary: "Change one's own password",
    description: "Needs the current password; other sessions are ended.",
    access: "enrolment",
    rateLimit: loginLimit,
    schema: { tags, body: PasswordChangeSchema, response: { 200: Ok } },
    run: async ({ db, ctx, audit, body }) => {
      await changePassword(db, ctx.actor, audit, body);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: "POST",
    url: "/api/auth/totp/setup",
    summary: "Start setting up two-factor authentication",
    description:
      "A new secret for an authenticator app; it takes effect once confirmed with `POST /api/auth/totp/enable`.",
    access: "enrolment",
    schema: { tags, response: { 200: TotpSetupSchema } },
    run: ({ ctx, audit }) => beginTotpEnrolment(totpDeps, ctx.actor, audit),
  });

  route(app, deps, {
    method: "POST",
    url: "/api/auth/totp/enable",
    summary: "Turn on two-factor authentication",
    description: "Confirms the secret from the setup with a code from the app.",
    access: "enrolment",
    schema: { tags, body: TotpCodeSchema, response: { 200: Ok } },
    run: async ({ ctx, audit, body }) => {
      await enableTotp(totpDeps, ctx.actor, audit, body.code);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: "POST",
    url: "/api/auth/totp/disable",
    summary: "Turn off two-factor authentication",
    description:
      "Needs a current code; refused when the person's roles demand two-factor authentication.",
    access: "session",
    schema: { tags, body: TotpCodeSchema, response: { 200: Ok } },
    run: async ({ db, ctx, audit, body }) => {
      const required = await totpRequiredFor(db, ctx.actor);
      await disableTotp(totpDeps, ctx.actor, audit, body.code, required);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: "GET",
    url: "/api/auth/oidc/login",
    summary: "Sign in through single sign-on",
    description: "Redirects the browser to the configured OIDC provider.",
    produces: { redirect: true, description: "To the OIDC provider's sign-in page" },
    access: "public",
    rateLimit: loginLimit,
    schema: { tags },
    run: async ({ db, reply }) => {
      if (!deps.oidc) return reply.status(404).send(OIDC_OFF);
      return reply.redirect(await beginOidcSignIn(db, deps.oidc));
    },
  });

  route(app, deps, {
    method: "GET",
    url: "/api/auth/oidc/callback",
    summary: "Return from single sign-on",
    description:
      "Where the OIDC provider sends the browser back; sets the session cookie and redirects into the app.",
    produces: { redirect: true, description: "Into the app, or to the sign-in page with an error" },
    access: "public",
    rateLimit: loginLimit,
    schema: { tags },
    run: async ({ db, request, audit, reply }) => {
      if (!deps.oidc) return reply.status(404).send(OIDC_OFF);
      const callbackUrl = new URL(request.url, deps.oidc.redirectUri);
      try {
        const token = await finishOidcSignIn(
          { db, oidc: deps.oidc, times: deps.times },
          audit,
          callbackUrl,
        );
        reply.setCookie(SESSION_COOKIE, token, cookie);
        return reply.redirect("/");
      } catch (error) {
        const code = (error as { code?: string }).code ?? "oidc_failed";
        return reply.redirect(`/login?error=${encodeURIComponent(code)}`);
      }
    },
  });
}

async function totpRequiredFor(db: DbOrTx, actor: Actor): Promise<boolean> {
  const { requireMfaForRoles } = await readSecuritySettings(db);
  return actor.grants.some((g) => requireMfaForRoles.includes(g.role));
}
