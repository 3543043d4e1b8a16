import fastifySwagger from "@fastify/swagger";
import type { FastifyInstance, RouteOptions } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { z } from "zod";
import { PROBE_PATHS } from "../health.ts";
import { SESSION_COOKIE } from "../platform/sessions.ts";
import type { RouteAccess } from "./actor.ts";

/** The one JSON shape every failure has (errors.ts; openapi.test.ts holds them together). */
export const ApiErrorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().describe("Stable machine-readable code, e.g. `validation` or `not_found`"),
    message: z.string().describe("A person-readable message (Swedish)"),
    issues: z
      .array(z.strictObject({ path: z.string(), message: z.string() }))
      .optional()
      .describe("The fields that were wrong, on a validation failure"),
    requestId: z.string().describe("Quote this when reporting a problem"),
  }),
});

const ERROR_TEXTS: Record<number, string> = {
  400: "The input is not valid",
  401: "Not signed in (or the second factor is still owed)",
  403: "Not allowed for this person",
  404: "Not found (also what a person who may not know it exists is told)",
  429: "Too many requests: wait and try again",
};

/**
 * What the route helper knows about a route beyond its schema, for the document: whether it
 * asks the policy about a target (403) and whether it looks one up (404).
 */
export interface OpenApiRouteConfig {
  authorizes?: boolean;
  loads?: boolean;
  produces?: Produces;
}

/** A success answer that is not JSON described by the route's schema: a file or a redirect. */
export type Produces =
  | { file: string; description: string }
  | { redirect: true; description: string };

function successResponse(produces: Produces) {
  if ("redirect" in produces) {
    return {
      302: {
        type: "null",
        description: produces.description,
        headers: { Location: { type: "string", description: "Where to go next" } },
      },
    };
  }
  return {
    200: {
      description: produces.description,
      content: { [produces.file]: { schema: { type: "string", format: "binary" } } },
    },
  };
}

declare module "fastify" {
  interface FastifyContextConfig {
    openapi?: OpenApiRouteConfig;
  }
}

/** `GET /api/readiness/assessments/:id/scores.csv` → `getReadinessAssessmentsByIdScoresCsv`. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api(?=\/)/, "")
    .split(/[/.\-_]/)
    .filter(Boolean)
    .map((part) => (part.startsWith(":") ? `by-${part.slice(1)}` : part))
    .flatMap((part) => part.split("-"));
  const capitalised = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return method.toLowerCase() + capitalised.join("");
}

/** The failures a route can answer with, from what it declares. */
function errorStatuses(route: RouteOptions, access: RouteAccess): number[] {
  const schema = route.schema ?? {};
  const options = route.config?.openapi ?? {};
  const statuses = new Set<number>();
  if (schema.params || schema.querystring || schema.body) statuses.add(400);
  if (access !== "public") statuses.add(401);
  if (typeof access === "object" || access === "session" || options.authorizes) statuses.add(403);
  if (options.loads) statuses.add(404);
  if (!PROBE_PATHS.includes(route.url)) statuses.add(429);
  return [...statuses];
}

/**
 * The OpenAPI document, made from the routes' own declarations in one place: each route states
 * a summary (a route without one refuses to register), its access gives the security
 * requirement, its method and path the operationId, and its inputs and checks the documented
 * failures, all in the shared error shape.
 */
export async function registerOpenApi(
  app: FastifyInstance,
  options: { publicUrl: string | undefined },
): Promise<void> {
  app.addHook("onRoute", (route) => {
    const schema = route.schema;
    if (schema?.hide) return;
    if (!schema?.summary?.trim()) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare a summary`);
    }
    const access = route.config?.access ?? "session";
    schema.security ??= access === "public" ? [] : [{ session: [] }];
    const method = [route.method].flat().find((m) => m !== "HEAD") ?? "GET";
    schema.operationId ??= operationIdOf(method, route.url);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Paraply API",
        version: "0.1.0",
        description:
          "Paraply's HTTP API, as the web UI uses it. Sign in with `POST /api/auth/login`: " +
          "the session cookie it sets authenticates every other call. Requests that change " +
          "something must come from the app's own origin (Origin or Sec-Fetch-Site).",
      },
      // The app serves its API from its own origin; without a configured public URL the
      // document is relative to wherever it was fetched.
      servers: [{ url: options.publicUrl ?? "/" }],
      components: {
        securitySchemes: {
          session: {
            type: "apiKey",
            in: "cookie",
            name: SESSION_COOKIE,
            description: "The session cookie set by signing in",
          },
        },
        schemas: {
          ApiError: z.toJSONSchema(ApiErrorSchema, { target: "openapi-3.0" }) as Record<
            string,
            unknown
          >,
        },
      },
    },
    transform: (input) => {
      const result = jsonSchemaTransform(input);
      const access = input.route.config?.access ?? "session";
      const produces = input.route.config?.openapi?.produces;
      const response: Record<string, unknown> = {
        ...(produces ? successResponse(produces) : {}),
        ...(result.schema.response as Record<string, unknown> | undefined),
      };
      for (const status of errorStatuses(input.route, access)) {
        response[status] ??= {
          description: ERROR_TEXTS[status],
          content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } },
        };
      }
      return { ...result, schema: { ...result.schema, response } };
    },
  });
}
