import { errorCodes, type FastifyInstance } from "fastify";

/** The type the listed routes' requests are given, so that only they reach the raw parser. */
const RAW_TYPE = "application/x-paraply-process-upload";

/**
 * Document uploads arrive as the raw request body, whatever type the client gave the file, and
 * the routes listed here read it as a stream themselves (with their own size limit). The
 * catch-all parser is the profile module's; so the listed routes' requests are re-typed before
 * parsing to a type only this parser takes, and every other route keeps answering a type it
 * does not take with 415. (A plugin scope of its own would hide these routes from the module
 * list, which records routes as the module registers them.)
 */
export function acceptRawUploads(app: FastifyInstance, urls: readonly string[]): void {
  const raw = new Set(urls);
  app.addHook("onRequest", async (request) => {
    if (request.method === "POST" && raw.has(request.routeOptions.url ?? "")) {
      request.headers["content-type"] = RAW_TYPE;
    }
  });
  app.addContentTypeParser(RAW_TYPE, (request, payload, done) => {
    if (raw.has(request.routeOptions.url ?? "")) done(null, payload);
    else done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(RAW_TYPE), undefined);
  });
}
