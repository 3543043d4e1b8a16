import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/database.ts";
import {
  GrantParamsSchema,
  GrantSchema,
  IdParamsSchema,
  PasswordResetSchema,
  RoleGrantCreateSchema,
  SessionsRevokedSchema,
  UserCreateSchema,
  UserListQuerySchema,
  UserSchema,
  UserSummarySchema,
  UserUpdateSchema,
} from "../../domain/platform/schemas.ts";
import { type AccessContext, authorize, can } from "../plugins/access.ts";
import { NotFoundError } from "../plugins/errors.ts";
import { type RouteInput, route } from "../plugins/route.ts";
import { createUser } from "./commands/create-user.ts";
import { endUserSessions } from "./commands/end-user-sessions.ts";
import { grantRole } from "./commands/grant-role.ts";
import { resetPassword } from "./commands/reset-password.ts";
import { resetTwoFactor } from "./commands/reset-two-factor.ts";
import { revokeRole } from "./commands/revoke-role.ts";
import { updateUser } from "./commands/update-user.ts";
import { presentUser, presentUserSummary } from "./presenters.ts";
import { grantsOfUser } from "./queries.ts";
import { findUserWithGrants, listUsers } from "./user-queries.ts";

const tags = ["users"];
const Ok = z.object({ ok: z.literal(true) });

/** A user the caller may see; others are "not found", so that accounts cannot be probed. */
async function visibleUser(db: DbOrTx, ctx: AccessContext, id: string) {
  const found = await findUserWithGrants(db, id);
  return found && (await can(ctx, "user.read", found.target)) ? found : undefined;
}

const userTarget = {
  load: ({ db, ctx, params }: RouteInput<{ params: typeof IdParamsSchema }>) =>
    visibleUser(db, ctx, params.id),
  notFound: "Användaren finns inte.",
};

/** Changing an account: the caller must see it (else 404) and may change it (else 403). */
const updatable = {
  ...userTarget,
  authorize: {
    action: "user.update" as const,
    target: (_input: unknown, loaded: NonNullable<Awaited<ReturnType<typeof visibleUser>>>) =>
      loaded.target,
  },
};

export function registerUserRoutes(app: FastifyInstance, deps: { db: Db }): void {
  // Colleagues' names, e-mail addresses and roles are personal data: each list is recorded.
  route(app, deps, {
    method: "GET",
    url: "/api/users",
    summary: "List users",
    description:
      "The users of the organisations the caller may manage or read, filtered by the query.",
    access: { permission: "user.read" },
    schema: {
      tags,
      querystring: UserListQuerySchema,
      response: { 200: z.array(UserSummarySchema) },
    },
    personalData: true,
    run: async ({ db, ctx, query }) =>
      (
        await listUsers(
          db,
          await ctx.subtree("user.read"),
          { q: query.q, organisationId: query.organisationId },
          { limit: query.limit, offset: query.offset },
        )
      ).map(({ user, grants }) => presentUserSummary(user, grants)),
    audit: ({ query }, result) => ({
      action: "user.list",
      subjectType: "user",
      organisationId: query.organisationId ?? null,
      personalData: true,
      details: { filter: query, rows: result.length },
    }),
  });

  route(app, deps, {
    method: "POST",
    url: "/api/users",
    summary: "Create a user",
    access: { permission: "user.manage" },
    schema: { tags, body: UserCreateSchema, response: { 201: UserSchema } },
    status: 201,
    authorize: {
      action: "role.grant",
      target: ({ body }) => ({ role: body.role, organisationId: body.organisationId }),
    },
    run: async ({ db, ctx, audit, body }) => {
      const user = await createUser(db, audit, body);
      const { grants, target } = (await visibleUser(db, ctx, user.id))!;
      return presentUser(user, grants, { update: await can(ctx, "user.update", target) });
    },
  });

  route(app, deps, {
    method: "GET",
    url: "/api/users/:id",
    summary: "Read a user",
    description: "With their role grants and what the caller may do with the account.",
    access: { permission: "user.read" },
    schema: { tags, params: IdParamsSchema, response: { 200: UserSchema } },
    personalData: true,
    ...userTarget,
    run: async ({ ctx, target: { user, grants, target } }) =>
      presentUser(user, grants, { update: await can(ctx, "user.update", target) }),
    audit: ({ target: { user } }) => ({
      action: "user.read",
      subjectType: "user",
      subjectId: user.id,
      personalData: true,
    }),
  });

  route(app, deps, {
    method: "PATCH",
    url: "/api/users/:id",
    summary: "Change a user",
    description: "Name, e-mail, language or whether the account is active.",
    access: { permission: "user.manage" },
    schema: { tags, params: IdParamsSchema, body: UserUpdateSchema, response: { 200: UserSchema } },
    ...updatable,
    run: async ({ db, ctx, audit, params, body }) => {
      await updateUser(db, audit, params.id, body);
      const { user, grants } = (await visibleUser(db, ctx, params.id))!;
      return presentUser(user, grants, { update: true });
    },
  });

  route(app, deps, {
    method: "POST",
    url: "/api/users/:id/reset-password",
    summary: "Set a user's password",
    description: "An administrator sets a new password; the user's sessions are ended.",
    access: { permission: "user.manage" },
    schema: { tags, params: IdParamsSchema, body: PasswordResetSchema, response: { 200: Ok } },
    ...updatable,
    run: async ({ db, audit, params, body }) => {
      await resetPassword(db, audit, params.id, body.password);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: "POST",
    url: "/api/users/:id/revoke-sessions",
    summary: "End all of a user's sessions",
    access: { permission: "user.manage" },
    schema: { tags, params: IdParamsSchema, response: { 200: SessionsRevokedSchema } },
    ...updatable,
    run: async ({ db, audit, params }) => ({
      revoked: await endUserSessions(db, audit, params.id),
    }),
  });

  route(app, deps, {
    method: "POST",
    url: "/api/users/:id/reset-totp",
    summary: "Remove a user's two-factor authentication",
    description:
      "For a person who lost their authenticator; they set it up again at their next sign-in.",
    access: { permission: "user.manage" },
    schema: { tags, params: IdParamsSchema, response: { 200: Ok } },
    ...updatable,
    run: async ({ db, audit, params }) => {
      await resetTwoFactor(db, audit, params.id);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: "POST",
    url: "/api/users/:id/grants",
    summary: "Grant a user a role",
    description: "A role in an organisation (or system-wide for a system administrator).",
    access: { permission: "user.manage" },
    schema: {
      tags,
      params: IdParamsSchema,
      body: RoleGrantCreateSchema,
      response: { 201: GrantSchema },
    },
    status: 201,
    // Granting changes the account: the caller must be able to change it, and to grant the role.
    ...updatable,
    run: async ({ db, ctx, audit, params, body }) => {
      await authorize(ctx, "role.grant", body);
      const grant = await grantRole(db, audit, params.id, body);
      const named = (await grantsOfUser(db, params.id)).find((g) => g.id === grant.id);
      return named!;
    },
  });

  route(app, deps, {
    method: "DELETE",
    url: "/api/users/:id/grants/:grantId",
    summary: "Remove a role from a user",
    access: { permission: "user.manage" },
    schema: { tags, params: GrantParamsSchema, response: { 200: Ok } },
    ...userTarget,
    run: async ({ db, ctx, audit, params, target: { grants, target } }) => {
      const grant = grants.find((g) => g.id === params.grantId);
      if (!grant) throw new NotFoundError("Rollen finns inte.");
      await authorize(ctx, "user.update", target);
      await authorize(ctx, "role.grant", grant);
      await revokeRole(db, audit, params.id, grant.id);
      return { ok: true as const };
    },
  });
}
