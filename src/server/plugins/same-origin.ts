import type { FastifyInstance, FastifyRequest } from "fastify";
import { DomainError } from "./errors.ts";

/**
 * Refuses state-changing requests that another site's page made the browser send. The session
 * cookie is SameSite=Lax, which stops other sites but not other origins of the same site (a
 * sibling subdomain), and a form or fetch without a JSON content type needs no preflight: so
 * every request but GET, HEAD and OPTIONS is checked here, in one place, before anything else.
 *
 * - `Sec-Fetch-Site: cross-site` or `same-site` (sent by every current browser): refused.
 * - an `Origin` header that is not the app's own origin: refused. The app's own origin is
 *   PARAPLY_PUBLIC_URL when configured; otherwise the request's own host (its scheme is not
 *   compared, as a TLS proxy may not say it).
 * - neither header (the CLI, curl, server-to-server calls): allowed; browsers always send one.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export class CrossOriginError extends DomainError {
  constructor() {
    super(
      403,
      "cross_origin",
      "Förfrågan kom från en annan webbplats och har stoppats. Använd Paraply direkt.",
    );
  }
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export function isCrossOrigin(request: FastifyRequest, publicOrigin: string | undefined): boolean {
  const site = request.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  if (publicOrigin) return origin !== publicOrigin;
  return hostOf(origin) !== request.host;
}

export function registerSameOrigin(app: FastifyInstance, options: { publicUrl?: string }): void {
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : undefined;
  app.addHook("onRequest", (request, _reply, done) => {
    if (SAFE_METHODS.has(request.method) || !isCrossOrigin(request, publicOrigin)) return done();
    done(new CrossOriginError());
  });
}
