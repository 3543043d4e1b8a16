import { describe, expect, it } from "vitest";
import { preparedStatementName } from "./database.ts";

describe("which statements are prepared once per connection", () => {
  it("prepares parameterised statements on the support schema, under one name per text", () => {
    const raw = "SELECT l.id FROM support.live_access_rows($1) l WHERE l.case_id = $2";
    const built = 'select "id" from "support"."cases" where "id" = $1';
    const name = preparedStatementName(raw, ["a", "b"]);
    expect(name).toMatch(/^p_[A-Za-z0-9_-]{27}$/);
    expect(preparedStatementName(raw, ["c", "d"])).toBe(name);
    expect(preparedStatementName(built, ["a"])).toMatch(/^p_/);
    expect(preparedStatementName(built, ["a"])).not.toBe(name);
  });

  it("plans everything else each time: other schemas, and statements without parameters", () => {
    // A generic plan of the readiness list, whose readable set is an array parameter, was
    // several times slower than planning each time (bench/api).
    expect(
      preparedStatementName(
        "SELECT r.id FROM unnest($1::uuid[]) v(id) JOIN community.readiness_assessments r ON r.organisation_id = v.id",
        ["{}"],
      ),
    ).toBeNull();
    expect(preparedStatementName("SELECT * FROM platform.users WHERE id = $1", ["x"])).toBeNull();
    expect(preparedStatementName("SELECT count(*) FROM support.cases", [])).toBeNull();
    expect(preparedStatementName("BEGIN", undefined)).toBeNull();
  });
});
