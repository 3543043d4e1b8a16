import type { FastifyInstance } from "fastify";
import { HomeSchema } from "../../domain/platform/home.ts";
import type { ModuleDeps } from "../module.ts";
import { route } from "../plugins/route.ts";

/**
 * The home page's data: every module's part, in module order. Each module reads its part with
 * its own access queries; a module without a part, or with nothing for this person, is left out.
 */
export function registerHomeRoutes(
  app: FastifyInstance,
  deps: Pick<ModuleDeps, "db" | "modules">,
): void {
  route(app, deps, {
    method: "GET",
    url: "/api/home",
    access: "session",
    schema: {
      tags: ["home"],
      summary: "What waits for me and what my organisations are doing",
      response: { 200: HomeSchema },
    },
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
