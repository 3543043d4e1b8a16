import type { FastifyInstance } from "fastify";
import { HomeSchema } from "../../domain/platform/home.ts";
import type { ModuleDeps } from "../module.ts";
import { route } from "../plugins/route.ts";

/**
 * The home page's data: every module's part, in module order. Each module reads its part with
 * its own access queries; a module without a part, or with nothing for this person, is left out.
 * One request transaction holds them all: it names the reader for row-level security once, with
 * its first statement, where support's part alone opened a transaction of five round trips, and
 * the parts queue on one connection instead of taking one each from the pool.
 */
export function registerHomeRoutes(
  app: FastifyInstance,
  deps: Pick<ModuleDeps, "db" | "modules">,
): void {
  route(app, deps, {
    method: "GET",
    url: "/api/home",
    access: "session",
    transaction: true,
    summary: "What waits for me and what my organisations are doing",
    description:
      "Every module's part of the home page, in module order, read with the module's own access queries; modules with nothing for the caller are left out.",
    schema: { tags: ["home"], response: { 200: HomeSchema } },
    run: async ({ ctx }) => {
      const parts = await Promise.all(
        deps.modules.map(async (module) => ({
          module: module.name,
          items: module.home ? await module.home(ctx) : [],
        })),
      );
      return { parts: parts.filter((part) => part.items.length > 0) };
    },
  });
}
