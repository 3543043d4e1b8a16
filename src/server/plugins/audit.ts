import type { FastifyRequest } from "fastify";
import type { AuditContext } from "../../db/audit.ts";
import { actorLabel } from "./actor.ts";

export function auditContextOf(request: FastifyRequest): AuditContext {
  const ua = request.headers["user-agent"];
  return {
    actorId: request.actor?.userId ?? null,
    actorLabel: actorLabel(request.actor),
    ip: request.ip ?? null,
    userAgent: typeof ua === "string" ? ua.slice(0, 300) : null,
    requestId: request.id,
  };
}
