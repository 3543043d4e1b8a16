import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import {
  IdParamsSchema,
  OwnSessionSchema,
  SessionsRevokedSchema,
} from "../../domain/platform/schemas.ts";
import { actorOf } from "../plugins/actor.ts";
import { auditContextOf } from "../plugins/audit.ts";
import { revokeOtherOwnSessions, revokeOwnSession } from "./commands/own-sessions.ts";
import { presentOwnSession } from "./presenters.ts";
import { readLiveSessions, type SessionTimes } from "./sessions.ts";

const tags = ["auth"];

/**
 * A person's own sessions: where they are signed in, and ending the ones they no longer use.
 * Only ever one's own: no policy beyond a full session is needed, and another person's session
 * is simply not found.
 */
export function registerSessionRoutes(
  fastify: FastifyInstance,
  deps: { db: Db; times: SessionTimes },
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, times } = deps;

  app.get(
    "/api/auth/sessions",
    {
      config: { access: "session" },
      schema: { tags, response: { 200: z.array(OwnSessionSchema) } },
    },
    async (request) => {
      const actor = actorOf(request);
      const live = await readLiveSessions(db, actor.userId, times);
      return live.map((s) => presentOwnSession(s, actor.sessionId));
    },
  );

  app.delete(
    "/api/auth/sessions/:id",
    {
      config: { access: "session" },
      schema: {
        tags,
        params: IdParamsSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await revokeOwnSession(
        db,
        actorOf(request),
        auditContextOf(request),
        request.params.id,
        times,
      );
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/sessions/revoke-others",
    { config: { access: "session" }, schema: { tags, response: { 200: SessionsRevokedSchema } } },
    async (request) => ({
      revoked: await revokeOtherOwnSessions(db, actorOf(request), auditContextOf(request)),
    }),
  );
}
