import { errorCodes, type FastifyInstance } from "fastify";

/**
 * File uploads (a survey file, a Kolada download) arrive as the raw request body, whatever type
 * the client gave it (application/octet-stream from the web app), and the routes listed here read
 * it as a stream themselves. Every other route still answers a type it does not take with 415. (A parser in a plugin scope of its own would
 * hide these routes from the module list, which records routes as the module registers them.)
 */
export function acceptRawBodies(app: FastifyInstance, urls: readonly string[]): void {
  const raw = new Set(urls);
  app.addContentTypeParser("*", (request, payload, done) => {
    if (raw.has(request.routeOptions.url ?? "")) done(null, payload);
    else
      done(
        new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers["content-type"]),
        undefined,
      );
  });
}

/** Reads a raw body to text, refusing more than `limit` bytes. */
export async function bodyText(body: unknown, limit: number): Promise<string | null> {
  if (typeof body === "string") return body;
  if (!body || typeof (body as NodeJS.ReadableStream)[Symbol.asyncIterator] !== "function") {
    return body === undefined || body === null ? "" : JSON.stringify(body);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
