import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";

const REDOC_BUNDLE = createRequire(import.meta.url).resolve("redoc/bundles/redoc.standalone.js");

/**
 * Redoc's standalone bundle starts itself on the `redoc` element: no inline script is needed.
 * It styles through injected style elements (already allowed) and runs its search index in a
 * worker made from a blob, which only this page's policy allows.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Paraply API</title>
</head>
<body>
<noscript>The API reference needs JavaScript. The document itself is at <a href="/api/openapi.json">/api/openapi.json</a>.</noscript>
<redoc spec-url="/api/openapi.json" hide-hostname></redoc>
<script src="/api/docs/redoc.standalone.js"></script>
</body>
</html>
`;

/**
 * The bundle's one outside fetch: a branding logo from Redocly's CDN, which the policy would
 * block anyway. Without a source the image fails at once and Redoc leaves it out.
 */
const CDN_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";

/** Read and compressed on first use: most processes never serve the reference. */
let bundle: { plain: Buffer; gzip: Buffer } | undefined;
function redocBundle() {
  if (!bundle) {
    const plain = Buffer.from(readFileSync(REDOC_BUNDLE, "utf8").replaceAll(CDN_LOGO, ""));
    bundle = { plain, gzip: gzipSync(plain) };
  }
  return bundle;
}

/**
 * The OpenAPI document and a readable reference made from it at /api/docs, both public: the
 * document describes only what any caller can already try, and an integrator reads it before
 * they have an account. The renderer ships with the app (npm), never from a CDN.
 */
export function registerApiDocs(app: FastifyInstance): void {
  // The document leaves itself out: it is not an operation of the API it describes.
  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.get("/api/docs", { config: { access: "public" }, schema: { hide: true } }, (_r, reply) => {
    const policy = String(reply.getHeader("content-security-policy") ?? "");
    reply.header("content-security-policy", `${policy};worker-src blob:`);
    return reply.type("text/html; charset=utf-8").send(PAGE);
  });

  app.get(
    "/api/docs/redoc.standalone.js",
    { config: { access: "public" }, schema: { hide: true } },
    (request, reply) => {
      const { plain, gzip } = redocBundle();
      const gzipped = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
      reply
        .type("text/javascript; charset=utf-8")
        .header("vary", "accept-encoding")
        // The same until the next deploy, and it holds no personal data.
        .header("cache-control", "public, max-age=86400");
      if (gzipped) reply.header("content-encoding", "gzip");
      return reply.send(gzipped ? gzip : plain);
    },
  );
}
