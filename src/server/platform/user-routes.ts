import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordStandaloneAudit } from "../../db/audit.ts";
import { type Db, uuidArray } from "../../db/database.ts";
import { roleAssignments, users } from "../../db/schema/platform.ts";
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
import { type AccessContext, accessContextOf, authorize, can } from "../plugins/access.ts";
import { auditContextOf } from "../plugins/audit.ts";
import { NotFoundError } from "../plugins/errors.ts";
import {
  createUser,
  endUserSessions,
  grantRole,
  resetPassword,
  resetTwoFactor,
  revokeRole,
  updateUser,
} from "./commands/manage-users.ts";
import { presentUser, presentUserSummary } from "./presenters.ts";
import { grantsOfUsers } from "./queries.ts";

const tags = ["users"];
const Ok = z.object({ ok: z.literal(true) });

export function registerUserRoutes(fastify: FastifyInstance, deps: { db: Db }): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  /** Loads a user the caller may see; others answer 404 so that accounts cannot be probed. */
  async function visibleUser(ctx: AccessContext, id: string) {
    const [user] = await db.select().from(users).where(eq(users.id, id));
    const grants = (await grantsOfUsers(db, [id])).get(id) ?? [];
    const target = {
      userId: id,
      organisationIds: grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])),
    };
    if (!user || !(await can(ctx, "user.read", target)))
      throw new NotFoundError("Användaren finns inte.");
    return { user, grants, target };
  }

  app.get(
    "/api/users",
    {
      config: { access: { permission: "user.read" } },
      schema: {
        tags,
        querystring: UserListQuerySchema,
        response: { 200: z.array(UserSummarySchema) },
      },
    },
    async (request) => {
      const scope = await accessContextOf(request, db).subtree("user.read");
      const { q, organisationId } = request.query;
      const orgFilter =
        scope === null
          ? organisationId
            ? [organisationId]
            : null
          : [...scope].filter((id) => !organisationId || id === organisationId);
      if (orgFilter !== null && orgFilter.length === 0) return [];
      const rows = await db
        .select()
        .from(users)
        .where(
          and(
            q ? or(ilike(users.email, `%${q}%`), ilike(users.displayName, `%${q}%`)) : undefined,
            orgFilter === null
              ? undefined
              : inArray(
                  users.id,
                  db
                    .select({ id: roleAssignments.userId })
                    .from(roleAssignments)
                    .where(sql`${roleAssignments.organisationId} = ANY(${uuidArray(orgFilter)})`),
                ),
          ),
        )
        .orderBy(asc(users.displayName))
        .limit(500);
      const grants = await grantsOfUsers(
        db,
        rows.map((u) => u.id),
      );
      return rows.map((u) => presentUserSummary(u, grants.get(u.id) ?? []));
    },
  );

  app.post(
    "/api/users",
    {
      config: { access: { permission: "user.manage" } },
      schema: { tags, body: UserCreateSchema, response: { 201: UserSchema } },
    },
    async (request, reply) => {
      const ctx = accessContextOf(request, db);
      await authorize(ctx, "role.grant", {
        role: request.body.role,
        organisationId: request.body.organisationId,
      });
      const user = await createUser(db, auditContextOf(request), request.body);
      const { grants, target } = await visibleUser(ctx, user.id);
      return reply
        .status(201)
        .send(presentUser(user, grants, { update: await can(ctx, "user.update", target) }));
    },
  );

  app.get(
    "/api/users/:id",
    {
      config: { access: { permission: "user.read" } },
      schema: { tags, params: IdParamsSchema, response: { 200: UserSchema } },
    },
    async (request) => {
      const ctx = accessContextOf(request, db);
      const { user, grants, target } = await visibleUser(ctx, request.params.id);
      // A colleague's account details are personal data too: the read is recorded.
      await recordStandaloneAudit(db, auditContextOf(request), {
        action: "user.read",
        subjectType: "user",
        subjectId: user.id,
      });
      return presentUser(user, grants, { update: await can(ctx, "user.update", target) });
    },
  );

  app.patch(
    "/api/users/:id",
    {
      config: { access: { permission: "user.manage" } },
      schema: {
        tags,
        params: IdParamsSchema,
        body: UserUpdateSchema,
        response: { 200: UserSchema },
      },
    },
    async (request) => {
      const ctx = accessContextOf(request, db);
      const { target } = await visibleUser(ctx, request.params.id);
      await authorize(ctx, "user.update", target);
      await updateUser(db, auditContextOf(request), request.params.id, request.body);
      const { user, grants } = await visibleUser(ctx, request.params.id);
      return presentUser(user, grants, { update: true });
    },
  );

  app.post(
    "/api/users/:id/reset-password",
    {
      config: { access: { permission: "user.manage" } },
      schema: { tags, params: IdParamsSchema, body: PasswordResetSchema, response: { 200: Ok } },
    },
    async (request) => {
      const ctx = accessContextOf(request, db);
      const { target } = await visibleUser(ctx, request.params.id);
      await authorize(ctx, "user.update", target);
      await resetPassword(db, auditContextOf(request), request.params.id, request.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/users/:id/revoke-sessions",
    {
      config: { access: { permission: "user.manage" } },
      schema: { tags, params: IdParamsSchema, response: { 200: SessionsRevokedSchema } },
    },
    async (request) => {
      const ctx = accessContextOf(request, db);
      const { target } = await visibleUser(ctx, request.params.id);
      await authorize(ctx, "user.update", target);
      return { revoked: await endUserSessions(db, auditContextOf(request), request.params.id) };
    },
  );

  app.post(
    "/api/users/:id/reset-totp",
    {
      config: { access: { permission: "user.manage" } },
      schema: { tags, params: IdParamsSchema, response: { 200: Ok } },
    },
    async (request) => {
      const ctx = accessContextOf(request, db);
      const { target } = await visibleUser(ctx, request.params.id);
      await authorize(ctx, "user.update", target);
      await resetTwoFactor(db, auditContextOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/users/:id/grants",
    {
      config: { access: { permission: "user.manage" } },
      schema: {
        tags,
        params: IdParamsSchema,
        body: RoleGrantCreateSchema,
        response: { 201: GrantSchema },
      },
    },
    async (request, reply) => {
      const ctx = accessContextOf(request, db);
      await visibleUser(ctx, request.params.id);
      await authorize(ctx, "role.grant", request.body);
      const grant = await grantRole(db, auditContextOf(request), request.params.id, request.body);
      const named = (
        (await grantsOfUsers(db, [request.params.id])).get(request.params.id) ?? []
      ).find((g) => g.id === grant.id);
      return reply.status(201).send(named!);
    },
  );

  app.delete(
    "/api/users/:id/grants/:grantId",
    {
      config: { access: { permission: "user.manage" } },
      schema: { tags, params: GrantParamsSchema, response: { 200: Ok } },
    },
    async (request) => {
      const ctx = accessContextOf(request, db);
      const { grants } = await visibleUser(ctx, request.params.id);
      const grant = grants.find((g) => g.id === request.params.grantId);
      if (!grant) throw new NotFoundError("Rollen finns inte.");
      await authorize(ctx, "role.grant", grant);
      await revokeRole(db, auditContextOf(request), request.params.id, grant.id);
      return { ok: true as const };
    },
  );
}
