import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import {
  IdParamsSchema,
  OwnSessionSchema,
  SessionsRevokedSchema,
} from "../../domain/platform/schemas.ts";
import { route } from "../plugins/route.ts";
import { revokeOtherOwnSessions } from "./commands/revoke-other-own-sessions.ts";
import { revokeOwnSession } from "./commands/revoke-own-session.ts";
import { presentOwnSession } from "./presenters.ts";
import { readLiveSessions, type SessionTimes } from "./sessions.ts";

const tags = ["auth"];

/**
 * A person's own sessions: where they are signed in, and ending the ones they no longer use.
 * Only ever one's own: no policy beyond a full session is needed, and another person's session
 * is simply not found.
 */
export function registerSessionRoutes(
  app: FastifyInstance,
  deps: { db: Db; times: SessionTimes },
): void {
  const { times } = deps;

  route(app, deps, {
    method: "GET",
    url: "/api/auth/sessions",
    summary: "List one's own sessions",
    description: "Where the person is signed in, this session marked.",
    access: "session",
    schema: { tags, response: { 200: z.array(OwnSessionSchema) } },
    run: async ({ db, ctx: { actor } }) =>
      (await readLiveSessions(db, actor.userId, times)).map((s) =>
        presentOwnSession(s, actor.sessionId),
      ),
  });

  route(app, deps, {
    method: "DELETE",
    url: "/api/auth/sessions/:id",
    summary: "End one of one's own sessions",
    access: "session",
    schema: { tags, params: IdParamsSchema, response: { 200: z.object({ ok: z.literal(true) }) } },
    run: async ({ db, ctx, audit, params }) => {
      await revokeOwnSession(db, ctx.actor, audit, params.id, times);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: "POST",
    url: "/api/auth/sessions/revoke-others",
    summary: "End all one's other sessions",
    access: "session",
    schema: { tags, response: { 200: SessionsRevokedSchema } },
    run: async ({ db, ctx, audit }) => ({
      revoked: await revokeOtherOwnSessions(db, ctx.actor, audit),
    }),
  });
}
