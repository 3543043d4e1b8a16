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
  private readonly previous: Buffer[];

  /** `previous` are keys from before a rotation: still opened, never sealed with. */
  constructor(
    private readonly key: Buffer,
    previous: Buffer[] = [],
  ) {
    for (const k of [key, ...previous]) {
      if (k.length !== 32) throw new Error("The secret key must be 32 bytes");
    }
    this.previous = previous;
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
  }

  /** The plain secret, or null when the value was sealed under an unknown key or altered. */
  open(sealed: string): string | null {
    return this.openWith(sealed, [this.key, ...this.previous])?.plain ?? null;
  }

  /** Whether a sealed value opens with the current key (false: a previous key, or none). */
  isCurrent(sealed: string): boolean {
    return this.openWith(sealed, [this.key]) !== null;
  }

  private openWith(sealed: string, keys: Buffer[]): { plain: string } | null {
    if (!SecretBox.isSealed(sealed)) return null;
    const raw = Buffer.from(sealed.slice(PREFIX.length), "base64url");
    if (raw.length < IV_BYTES + TAG_BYTES) return null;
    for (const key of keys) {
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const plain = Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
        return { plain };
      } catch {
        // The tag did not match under this key: try the next.
      }
    }
    return null;
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
  const previous = config.PARAPLY_SECRET_KEY_PREVIOUS
    ? [Buffer.from(config.PARAPLY_SECRET_KEY_PREVIOUS, "base64")]
    : [];
  if (config.PARAPLY_SECRET_KEY) {
    return new SecretBox(Buffer.from(config.PARAPLY_SECRET_KEY, "base64"), previous);
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
  return new SecretBox(Buffer.from(encoded, "base64"), previous);
}
