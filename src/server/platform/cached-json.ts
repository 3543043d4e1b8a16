import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";

/**
 * A JSON answer made once and sent many times: checked against its contract when it is made (as
 * the response serializer would check it on every send), with a strong ETag, so that a browser
 * that already holds it gets 304 and no body.
 */
export interface CachedJson {
  body: string;
  etag: string;
  /** Made on first request by a browser that accepts it. */
  gzipped?: Buffer;
}

// Below this a compressed answer saves less than it costs to decide.
const GZIP_FROM_BYTES = 4_096;

export function cachedJson<S extends z.ZodType>(schema: S, value: z.input<S>): CachedJson {
  const body = JSON.stringify(schema.parse(value));
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
}

/**
 * Sends a cached answer from a route's `run`. Fastify sends a string with a JSON content type as
 * it is, so the route's serializer does not parse and stringify it again. `cacheControl` says how
 * long a browser may reuse it without asking: reference data that never changes while the
 * server runs may be kept; data that changes is revalidated each time ("no-cache").
 */
export function sendCachedJson<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  cached: CachedJson,
  cacheControl: string,
): T {
  reply.header("etag", cached.etag).header("cache-control", cacheControl);
  reply.header("content-type", "application/json; charset=utf-8");
  if (request.headers["if-none-match"] === cached.etag) {
    reply.status(304);
    return "" as T;
  }
  if (cached.body.length < GZIP_FROM_BYTES) return cached.body as T;
  reply.header("vary", "accept-encoding");
  if (!/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) return cached.body as T;
  // Compressed once, as the whole list is: a large list is read on nearly every page.
  cached.gzipped ??= gzipSync(cached.body);
  reply.header("content-encoding", "gzip");
  return cached.gzipped as T;
}
