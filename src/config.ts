import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const boolFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const SecretKeySchema = z.string().refine((v) => /^[A-Za-z0-9+/]{43}=$/.test(v), {
  message: "must be 32 random bytes in base64 (for example: openssl rand -base64 32)",
});

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATABASE_OWNER_URL: z
      .url({ protocol: /^postgres(ql)?$/ })
      .optional()
      .describe(
        "The owner role, for migrations (defaults to DATABASE_URL outside production); DATABASE_URL is then the runtime role",
      ),
    DATABASE_READ_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    PARAPLY_DATA_DIR: z.string().min(1).default("./data"),
    PARAPLY_EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    PARAPLY_DEMO: boolFromEnv.optional(),
    PARAPLY_PUBLIC_URL: z.url().optional(),
    PARAPLY_SECRET_KEY: SecretKeySchema.optional(),
    PARAPLY_SECRET_KEY_PREVIOUS: SecretKeySchema.optional().describe(
      "The key before a rotation: secrets sealed under it are opened and sealed anew at start",
    ),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .default(12),
    AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCKOUT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    TRUST_PROXY: boolFromEnv.default(false),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    AUDIT_ANCHOR_FILE: z
      .string()
      .min(1)
      .optional()
      .describe("Where the app appends the audit chains' heads on a schedule (JSON lines)"),
    AUDIT_ANCHOR_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
    SMTP_URL: z
      .url({ protocol: /^smtps?$/ })
      .optional()
      .describe("smtp://user:password@host:587 (STARTTLS when offered) or smtps://… (TLS)"),
    MAIL_FROM: z
      .string()
      .trim()
      .regex(/^([^<>\r\n]*<)?[^\s@<>]+@[^\s@<>]+>?$/, {
        message: "must be an e-mail address, optionally with a name: Paraply <noreply@example.se>",
      })
      .optional(),
    PASSWORD_RESET_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
    PASSWORD_RESET_EMAIL_PER_HOUR: z.coerce.number().int().min(1).default(3),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_LABEL: z.string().min(1).default("Kommunens inloggning"),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together",
      });
    }
    if (env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({
        code: "custom",
        path: ["MAIL_FROM"],
        message: "is required with SMTP_URL (the sender of password-reset e-mail)",
      });
    }
    if (env.SMTP_URL && !env.PARAPLY_PUBLIC_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["PARAPLY_PUBLIC_URL"],
        message: "is required with SMTP_URL (the address the e-mailed links point to)",
      });
    }
    if (env.NODE_ENV === "production" && !env.PARAPLY_SECRET_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["PARAPLY_SECRET_KEY"],
        message:
          "is required in production (32 random bytes in base64; keep it outside the database and its backups)",
      });
    }
    if (env.AUDIT_ANCHOR_FILE && !existsSync(path.dirname(path.resolve(env.AUDIT_ANCHOR_FILE)))) {
      ctx.addIssue({
        code: "custom",
        path: ["AUDIT_ANCHOR_FILE"],
        message: "its directory does not exist",
      });
    }
    if (env.DATABASE_OWNER_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_OWNER_URL"],
        message:
          "needs DATABASE_URL (the runtime role) beside it; the embedded database makes its own roles",
      });
    }
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.DATABASE_OWNER_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_OWNER_URL"],
        message:
          "is required in production with DATABASE_URL: migrations run as the owner role (DATABASE_OWNER_URL), the app as a runtime role that owns nothing (DATABASE_URL); see docs/operations.md",
      });
    }
    if (env.NODE_ENV === "production" && env.PARAPLY_DEMO) {
      ctx.addIssue({
        code: "custom",
        path: ["PARAPLY_DEMO"],
        message: "demo data cannot be seeded in production",
      });
    }
  });

export type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config extends RawConfig {
  dataDir: string;
  oidc?: { issuer: string; clientId: string; clientSecret: string; label: string };
  /** Outgoing e-mail (password reset); absent when SMTP_URL is not set. */
  mail?: { smtpUrl: string; from: string; publicUrl: string };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Reads and validates configuration; throws ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = ConfigSchema.safeParse(defined);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`,
      ),
    );
  }
  const raw = parsed.data;
  return {
    ...raw,
    dataDir: path.resolve(raw.PARAPLY_DATA_DIR),
    oidc:
      raw.OIDC_ISSUER && raw.OIDC_CLIENT_ID && raw.OIDC_CLIENT_SECRET
        ? {
            issuer: raw.OIDC_ISSUER,
            clientId: raw.OIDC_CLIENT_ID,
            clientSecret: raw.OIDC_CLIENT_SECRET,
            label: raw.OIDC_LABEL,
          }
        : undefined,
    mail:
      raw.SMTP_URL && raw.MAIL_FROM && raw.PARAPLY_PUBLIC_URL
        ? { smtpUrl: raw.SMTP_URL, from: raw.MAIL_FROM, publicUrl: raw.PARAPLY_PUBLIC_URL }
        : undefined,
  };
}
