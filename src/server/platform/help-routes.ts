import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/database.ts";
import { HelpGuideSchema } from "../../domain/platform/schemas.ts";
import { renderGuide } from "../../domain/shared/guide.ts";
import { route } from "../plugins/route.ts";

const USER_GUIDE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../docs/anvandarguide.md",
);

/**
 * The user guide for the help pages, rendered once at start. It is written in Swedish only; the
 * English interface says so beside it. Public: the sign-in page links to it too.
 */
export function registerHelpRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const guide = { language: "sv" as const, ...renderGuide(readFileSync(USER_GUIDE, "utf8")) };
  route(app, deps, {
    method: "GET",
    url: "/api/help",
    summary: "Read the user guide",
    description: "The user guide as HTML with its sections, for the help pages.",
    access: "public",
    schema: { tags: ["help"], response: { 200: HelpGuideSchema } },
    run: async ({ reply }) => {
      // The same for everyone until the next deploy; a short private cache spares the repeat.
      reply.header("cache-control", "private, max-age=300");
      return guide;
    },
  });
}
