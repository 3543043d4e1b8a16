import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { registerErrorHandling } from "./errors.ts";
import { responseSerializerCompiler } from "./response-serializer.ts";

const Person = z.object({ id: z.uuid(), name: z.string(), archived: z.boolean() });
const id = "0b8e7c1e-6f0a-4a43-9a3e-2f1d5b6c7d8e";

async function appReturning(data: unknown) {
  const app = Fastify({ logger: false });
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandling(app);
  app.get("/x", { schema: { response: { 200: Person } } }, async () => data);
  await app.ready();
  return app;
}

describe("response serializer", () => {
  it("sends what the schema declares and drops any other field", async () => {
    const app = await appReturning({ id, name: "Åsa", archived: false, passwordHash: "secret" });
    const res = await app.inject("/x");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id, name: "Åsa", archived: false });
  });

  it("refuses an answer that breaks its schema, without showing any of it", async () => {
    const app = await appReturning({ id: "not-a-uuid", name: "Åsa", archived: "no" });
    const res = await app.inject("/x");
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe("internal");
    expect(res.body).not.toContain("Åsa");
    expect(res.body).not.toContain("not-a-uuid");
  });

  it("refuses a route whose response schema is not zod", () => {
    const app = Fastify({ logger: false });
    app.setSerializerCompiler(responseSerializerCompiler);
    app.get("/y", { schema: { response: { 200: { type: "object" } } } }, async () => ({}));
    return expect(app.ready()).rejects.toThrow(/response schema is not zod/);
  });
});
