import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { registerErrorHandling } from "./errors.ts";

/** The app's error handler over a route that fails as drizzle does: the driver's error as cause. */
async function appFailingWith(pgCode: string) {
  const app = Fastify({ logger: false });
  registerErrorHandling(app);
  app.get("/x", async () => {
    const cause = Object.assign(new Error('new row for relation "x" violates check constraint'), {
      code: pgCode,
    });
    throw new Error("Failed query: INSERT INTO platform.x", { cause });
  });
  await app.ready();
  return app;
}

describe("database errors as a safety net behind the contracts", () => {
  it.each([
    ["23514", "check violation"],
    ["23502", "not-null violation"],
    ["22P02", "invalid text representation"],
    ["22008", "datetime field overflow"],
    ["22021", "character not in repertoire"],
    ["22003", "numeric value out of range"],
  ])("answers %s (%s) with 400 and no SQL", async (code) => {
    const app = await appFailingWith(code);
    const res = await app.inject({ method: "GET", url: "/x" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_value");
    expect(res.json().error.message.length).toBeGreaterThan(0);
    expect(res.body).not.toMatch(/INSERT|violates|relation|platform\./);
  });

  it("keeps any other database failure a 500 without details", async () => {
    const app = await appFailingWith("57P01");
    const res = await app.inject({ method: "GET", url: "/x" });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toMatch(/INSERT|violates|relation/);
  });
});
