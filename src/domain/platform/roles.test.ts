import { describe, expect, it } from "vitest";
import { canHaveParent } from "./organisations.ts";
import {
  holdingsOf,
  PERMISSIONS,
  permissionsOf,
  ROLES,
  roleAllows,
  roleNeedsOrganisation,
} from "./roles.ts";

describe("roles", () => {
  it("gives the system administrator every permission", () => {
    for (const permission of PERMISSIONS) expect(roleAllows("system_admin", permission)).toBe(true);
  });

  it("lets only practitioners and system administrators work with individual support", () => {
    const allowed = ROLES.filter((role) => roleAllows(role, "support.work"));
    expect(allowed).toEqual(["system_admin", "practitioner"]);
  });

  it("never lets a reader change anything", () => {
    const writes = permissionsOf("reader").filter((p) => /manage|edit|import|work/.test(p));
    expect(writes).toEqual([]);
  });

  it("needs an organisation for every role but the platform-wide one", () => {
    expect(ROLES.filter((role) => !roleNeedsOrganisation(role))).toEqual(["system_admin"]);
  });
});

describe("holdings", () => {
  it("lists each permission once per place, the platform-wide role everywhere", () => {
    const holdings = holdingsOf([
      { role: "reader", organisationId: "a" },
      { role: "analyst", organisationId: "a" },
      { role: "system_admin", organisationId: null },
    ]);
    expect(holdings.filter((h) => h.organisationId === "a").map((h) => h.permission)).toEqual([
      "organisation.read",
      "community.read",
      "profile.import",
    ]);
    expect(holdings.filter((h) => h.organisationId === null)).toHaveLength(PERMISSIONS.length);
  });

  it("holds nothing without grants", () => {
    expect(holdingsOf([])).toEqual([]);
  });
});

describe("organisation tree", () => {
  it("allows the documented parent kinds only", () => {
    expect(canHaveParent("region", null)).toBe(true);
    expect(canHaveParent("municipality", "collaboration")).toBe(true);
    expect(canHaveParent("municipality", "region")).toBe(true);
    expect(canHaveParent("unit", "area")).toBe(true);
    expect(canHaveParent("unit", "region")).toBe(false);
    expect(canHaveParent("area", null)).toBe(false);
    expect(canHaveParent("collaboration", "municipality")).toBe(false);
  });
});
