import { Writable } from "node:stream";
import { describe, expect, inject, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { connect } from "../src/db/database.ts";
import { buildApp } from "../src/server/app.ts";
import { createLogger } from "../src/server/logger.ts";
import { TEST_SECRET_KEY } from "./helpers/app.ts";

/**
 * The process log must not hold personal data. The app is built on a database connection that is
 * already closed, so that each request below fails inside the database code and is logged as an
 * unhandled error: the log lines are read back and searched for what the requests carried.
 */
async function appLoggingTo(lines: string[]) {
  const url = inject("databaseUrl");
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: url,
    AUTH_CACHE_SECONDS: "0",
    PARAPLY_SECRET_KEY: TEST_SECRET_KEY,
  });
  const { db, pool } = connect(url, 1);
  await pool.end();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return buildApp({ config, db, ready: async () => false, logger: createLogger("info", sink) });
}

describe("the process log", () => {
  it("keeps query strings, bodies and query parameters of failing requests out", async () => {
    const lines: string[] = [];
    const app = await appLoggingTo(lines);
    try {
      const search = await app.inject({
        url: "/api/users?q=anna.andersson%40kommun.example&organisationId=9f1c0c1e-0000-4000-8000-000000000000",
        headers: { cookie: "paraply_session=not-a-real-session-token" },
      });
      expect(search.statusCode).toBe(500);
      const login = await app.inject({
        method: "POST",
        url: "/api/auth/login?via=anna.andersson%40kommun.example",
        payload: { email: "anna.andersson@kommun.example", password: "Annas-hemliga-losenord" },
      });
      expect(login.statusCode).toBe(500);
    } finally {
      await app.close();
    }
    const log = lines.join("\n");
    expect(log).not.toMatch(/anna|andersson|kommun\.example|hemliga|not-a-real-session/i);
    const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    // The lines still say what failed and where.
    expect(lines.some((l) => l.includes('"url":"/api/auth/login"'))).toBe(true);
    expect(errors.every((e) => typeof e.err?.type === "string")).toBe(true);
  });
});
