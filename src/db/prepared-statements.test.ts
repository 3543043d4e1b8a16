import { describe, expect, it } from "vitest";
import { preparedStatementName } from "./database.ts";

describe("which statements are prepared once per connection", () => {
  it("prepares every parameterised statement, under one name per text", () => {
    const raw = "SELECT l.id FROM support.live_access_rows($1) l WHERE l.case_id = $2";
    const built = 'select "id" from "platform"."users" where "id" = $1';
    const name = preparedStatementName(raw, ["a", "b"]);
    expect(name).toMatch(/^p_[A-Za-z0-9_-]{27}$/);
    expect(preparedStatementName(raw, ["c", "d"])).toBe(name);
    expect(preparedStatementName(built, ["a"])).toMatch(/^p_/);
    expect(preparedStatementName(built, ["a"])).not.toBe(name);
  });

  it("plans statements without parameters, or with a list of them, each time", () => {
    // Their text is often built for one call (DDL, a migration, a maintenance statement).
    expect(preparedStatementName("SELECT count(*) FROM support.cases", [])).toBeNull();
    expect(preparedStatementName("BEGIN", undefined)).toBeNull();
    // Unless marked as text that never varies (`fixedStatement`).
    expect(preparedStatementName("/* fixed */ SELECT count(*) FROM support.cases", [])).toMatch(
      /^p_/,
    );
    // A multi-row insert's text varies with its rows: each would take a slot of its own.
    const rows = Array.from({ length: 30 }, (_, i) => `($${i + 1})`).join(", ");
    const values = Array.from({ length: 30 }, (_, i) => `v${i}`);
    expect(preparedStatementName(`INSERT INTO t (v) VALUES ${rows}`, values)).toBeNull();
  });
});
