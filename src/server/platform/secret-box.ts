import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../../config.ts";

const PREFIX = "v1.";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts small secrets kept in the database (TOTP seeds) with AES-256-GCM under a key that is
 * not in the database, so that a copy of the database or of a backup does not give away anyone's
 * second factor. A sealed value is `v1.` + base64url(iv | tag | ciphertext); the version prefix
 * leaves room for another key or algorithm later.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("The secret key must be 32 bytes");
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
  }

  /** The plain secret, or null when the value was sealed under another key or altered. */
  open(sealed: string): string | null {
    if (!SecretBox.isSealed(sealed)) return null;
    const raw = Buffer.from(sealed.slice(PREFIX.length), "base64url");
    if (raw.length < IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString("utf8");
    } catch {
      return null;
    }
  }

  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }
}

/**
 * The key from PARAPLY_SECRET_KEY (required in production), or else from `secret-key` in the
 * data directory, made on first use, so that `npm start` and development need no setup.
 */
export function secretBoxFor(config: Config): SecretBox {
  if (config.PARAPLY_SECRET_KEY) {
    return new SecretBox(Buffer.from(config.PARAPLY_SECRET_KEY, "base64"));
  }
  const file = path.join(config.dataDir, "secret-key");
  let encoded: string;
  try {
    encoded = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(config.dataDir, { recursive: true });
    encoded = randomBytes(32).toString("base64");
    // wx: two instances starting at once must not each write a different key.
    try {
      writeFileSync(file, `${encoded}\n`, { mode: 0o600, flag: "wx" });
    } catch {
      encoded = readFileSync(file, "utf8").trim();
    }
  }
  return new SecretBox(Buffer.from(encoded, "base64"));
}
