import { describe, expect, it, vi } from "vitest";
import type { DbOrTx } from "../../db/database.ts";
import { READINESS_AUDIT_SUBJECTS } from "../readiness/audit-subjects.ts";
import { nameAuditRows, PLATFORM_AUDIT_SUBJECTS } from "./audit-subjects.ts";

const SOURCES = [...PLATFORM_AUDIT_SUBJECTS, ...READINESS_AUDIT_SUBJECTS];

describe("names for a page of audit rows", () => {
  it("asks the database once for a page, however many rows and subject types", async () => {
    const execute = vi.fn(async () => ({
      rows: [
        { type: "actor", id: "u1", label: "Olle Organisatör", path: null },
        { type: "organisation", id: "o1", label: "Åmål", path: "/organisations/o1" },
        {
          type: "readiness_interview",
          id: "i1",
          label: { topic: { kind: "custom", name: "skolfrånvaro" }, year: 2026, number: 2 },
          path: "/readiness/a1/interviews/i1",
        },
      ],
    }));
    const rows = Array.from({ length: 50 }, (_, i) => ({
      actorId: `u${i % 3}`,
      subjectType: ["organisation", "user", "readiness_interview", "job"][i % 4]!,
      subjectId: `${["o", "u", "i", "j"][i % 4]}${i % 5}`,
    }));
    const names = await nameAuditRows(
      { execute } as unknown as DbOrTx,
      SOURCES,
      new Set(["00000000-0000-0000-0000-000000000001"]),
      rows,
      "sv",
    );
    expect(execute).toHaveBeenCalledTimes(1);
    expect(names.actors.get("u1")).toBe("Olle Organisatör");
    expect(names.subjects.get("organisation:o1")).toEqual({
      name: "Åmål",
      path: "/organisations/o1",
    });
    expect(names.subjects.get("readiness_interview:i1")?.name).toBe(
      "Intervju 2, Skolfrånvaro 2026",
    );
  });

  it("asks nothing for a page with no actors and no subjects", async () => {
    const execute = vi.fn();
    const rows = [{ actorId: null, subjectType: null, subjectId: null }];
    await nameAuditRows({ execute } as unknown as DbOrTx, SOURCES, null, rows, "sv");
    expect(execute).not.toHaveBeenCalled();
  });
});
