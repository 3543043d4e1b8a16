import { describe, expect, it } from "vitest";
import { safeError } from "./logger.ts";

describe("errors in the process log", () => {
  it("keeps a database error's code but not the value its message quotes", () => {
    const pgError = Object.assign(
      new Error('invalid input syntax for type uuid: "anna@kommun.example"'),
      { code: "22P02", routine: "string_to_uuid" },
    );
    const logged = JSON.stringify(
      safeError(
        new Error("Failed query: select 1\nparams: anna@kommun.example", { cause: pgError }),
      ),
    );
    expect(logged).not.toContain("anna");
    expect(logged).toContain("22P02");
    expect(logged).toContain("Failed query: select 1");
  });

  it("keeps an ordinary error's message and stack", () => {
    const logged = safeError(new TypeError("x is not a function")) as Record<string, string>;
    expect(logged.type).toBe("TypeError");
    expect(logged.message).toBe("x is not a function");
    expect(logged.stack).toContain("logger.test.ts");
  });
});
