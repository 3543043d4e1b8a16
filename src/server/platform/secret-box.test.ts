import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { SecretBox, secretBoxFor } from "./secret-box.ts";

const box = new SecretBox(randomBytes(32));

describe("SecretBox", () => {
  it("opens what it sealed, for any text", () => {
    fc.assert(fc.property(fc.string(), (plain) => box.open(box.seal(plain)) === plain));
  });

  it("never seals the same secret to the same text, and never shows it", () => {
    const secret = "JBSWY3DPEHPK3PXP";
    const [a, b] = [box.seal(secret), box.seal(secret)];
    expect(a).not.toBe(b);
    expect(a.startsWith("v1.")).toBe(true);
    expect(a).not.toContain(secret);
  });

  it("opens nothing sealed under another key, altered, cut short or not sealed at all", () => {
    const sealed = box.seal("JBSWY3DPEHPK3PXP");
    expect(new SecretBox(randomBytes(32)).open(sealed)).toBeNull();
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(box.open(`v1.${raw.toString("base64url")}`)).toBeNull();
    expect(box.open("v1.AAAA")).toBeNull();
    expect(box.open("JBSWY3DPEHPK3PXP")).toBeNull();
  });

  it("after a rotation opens what the previous key sealed, and seals only with the new one", () => {
    const oldKey = randomBytes(32);
    const before = new SecretBox(oldKey).seal("JBSWY3DPEHPK3PXP");
    const rotated = new SecretBox(randomBytes(32), [oldKey]);
    expect(rotated.open(before)).toBe("JBSWY3DPEHPK3PXP");
    expect(rotated.isCurrent(before)).toBe(false);
    const after = rotated.seal("JBSWY3DPEHPK3PXP");
    expect(rotated.isCurrent(after)).toBe(true);
    expect(new SecretBox(oldKey).open(after)).toBeNull();
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe("secretBoxFor", () => {
  it("uses PARAPLY_SECRET_KEY when it is set", () => {
    const key = randomBytes(32).toString("base64");
    const sealed = new SecretBox(Buffer.from(key, "base64")).seal("x");
    expect(secretBoxFor(loadConfig({ PARAPLY_SECRET_KEY: key })).open(sealed)).toBe("x");
  });

  it("otherwise makes a key file in the data directory, readable by its owner only, and keeps it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "paraply-key-"));
    try {
      const config = loadConfig({ PARAPLY_DATA_DIR: path.join(dir, "data") });
      const sealed = secretBoxFor(config).seal("x");
      const file = path.join(dir, "data", "secret-key");
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64")).toHaveLength(32);
      expect(secretBoxFor(config).open(sealed)).toBe("x");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
