import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { systemAuditContext } from "../../db/audit.ts";
import type { Db } from "../../db/database.ts";
import { users } from "../../db/schema/platform.ts";
import { databaseIsEmpty, seedDemo } from "../../db/seed/demo.ts";
import { parseAnchorFile } from "../../domain/platform/audit-anchor.ts";
import { ROLES } from "../../domain/platform/roles.ts";
import { EmailSchema, PasswordSchema } from "../../domain/platform/schemas.ts";
import { appendAuditAnchor } from "../../jobs/platform/anchoring.ts";
import { verifyAuditAnchors } from "../../server/platform/audit-anchor.ts";
import { verifyAuditChain } from "../../server/platform/audit-queries.ts";
import { createUser } from "../../server/platform/commands/create-user.ts";
import { resetPassword } from "../../server/platform/commands/reset-password.ts";
import { resetTwoFactor } from "../../server/platform/commands/reset-two-factor.ts";
import { DomainError } from "../../server/plugins/errors.ts";
import { configForCli } from "../config.ts";
import { withDatabase } from "../database.ts";
import { type CliCommand, type CliIo, EXIT } from "../io.ts";

export const migrateCommand: CliCommand = async (args, io) => {
  if (args.length > 0) {
    io.stderr("Usage: paraply migrate\n");
    return EXIT.usage;
  }
  const config = configForCli(io);
  if (!config) return EXIT.usage;
  await withDatabase(config, io, async () => {}, { as: "owner" });
  io.stdout("Database is migrated.\n");
  return EXIT.ok;
};

export const seedCommand: CliCommand = async (args, io) => {
  if (args[0] !== "--demo" || args.length > 1) {
    io.stderr("Usage: paraply seed --demo   (seeds fictional demo data into an empty database)\n");
    return EXIT.usage;
  }
  const config = configForCli(io);
  if (!config) return EXIT.usage;
  if (config.NODE_ENV === "production") {
    io.stderr("Demo data cannot be seeded in production (NODE_ENV=production).\n");
    return EXIT.usage;
  }
  return withDatabase(
    config,
    io,
    async ({ db }) => {
      if (!(await databaseIsEmpty(db))) {
        io.stderr(
          "The database already has users; demo data is only seeded into an empty database.\n",
        );
        return EXIT.failure;
      }
      for (const u of await seedDemo(db)) io.stdout(`${u.role}\t${u.email}\t${u.password}\n`);
      return EXIT.ok;
    },
    { as: "owner" },
  );
};

const UserCreateArgs = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1, "--name is required"),
  role: z.enum(ROLES),
  organisation: z.uuid().optional(),
  password: PasswordSchema,
});

function flagProblems(error: z.ZodError): string {
  return error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n");
}

/** Runs `act` on the account with this e-mail; exit 1 when there is none. */
async function withUserByEmail(
  io: CliIo,
  email: string,
  act: (db: Db, user: typeof users.$inferSelect) => Promise<void>,
): Promise<number> {
  const config = configForCli(io);
  if (!config) return EXIT.usage;
  return withDatabase(config, io, async ({ db }) => {
    const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    if (!user) return fail(io, `No user with e-mail ${email}`, EXIT.failure);
    await act(db, user);
    return EXIT.ok;
  });
}

function fail(io: CliIo, message: string, code: number = EXIT.usage): number {
  io.stderr(`${message}\n`);
  return code;
}

const USER_USAGE = `Usage:
  paraply user create --email E --name N --role ROLE [--organisation ID] --password P
  paraply user reset-password --email E --password P
  paraply user reset-totp --email E      (turn off two-factor for someone who lost their app)
Roles: ${ROLES.join(", ")}
`;

export const userCommand: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  let parsed: ReturnType<typeof parseArgs<{ options: Record<string, { type: "string" }> }>>;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        organisation: { type: "string" },
        password: { type: "string" },
      },
      strict: true,
    });
  } catch (error) {
    return fail(io, `${(error as Error).message}\n${USER_USAGE}`);
  }
  const v = parsed.values;
  if (sub === "create") {
    const input = UserCreateArgs.safeParse(v);
    if (!input.success) return fail(io, flagProblems(input.error));
    if (input.data.role !== "system_admin" && !input.data.organisation)
      return fail(io, `--organisation is required for role ${input.data.role}`);
    const config = configForCli(io);
    if (!config) return EXIT.usage;
    return withDatabase(config, io, async ({ db }) => {
      try {
        const user = await createUser(db, systemAuditContext("paraply user create"), {
          email: input.data.email,
          displayName: input.data.name,
          password: input.data.password,
          locale: "sv",
          role: input.data.role,
          organisationId: input.data.role === "system_admin" ? null : input.data.organisation!,
        });
        io.stdout(`Created user ${user.email} (${user.id})\n`);
        return EXIT.ok;
      } catch (error) {
        if (error instanceof DomainError) return fail(io, error.message, EXIT.failure);
        throw error;
      }
    });
  }
  if (sub === "reset-password") {
    const input = z.object({ email: EmailSchema, password: PasswordSchema }).safeParse(v);
    if (!input.success) return fail(io, flagProblems(input.error));
    return withUserByEmail(io, input.data.email, async (db, user) => {
      await resetPassword(
        db,
        systemAuditContext("paraply user reset-password"),
        user.id,
        input.data.password,
      );
      io.stdout(`Password reset for ${user.email}; their sessions were signed out.\n`);
    });
  }
  if (sub === "reset-totp") {
    const input = z.strictObject({ email: EmailSchema }).safeParse(v);
    if (!input.success) return fail(io, flagProblems(input.error));
    return withUserByEmail(io, input.data.email, async (db, user) => {
      await resetTwoFactor(db, systemAuditContext("paraply user reset-totp"), user.id);
      io.stdout(
        `Two-factor authentication turned off for ${user.email}; their sessions were signed out.\n`,
      );
    });
  }
  return fail(io, USER_USAGE);
};

const AUDIT_USAGE = `Usage:
  paraply audit verify [--anchors FILE]   check every chain's hashes (and that each anchored head is still there)
  paraply audit anchor FILE               append every chain's current head to FILE (keep it outside the database)
`;

export const auditCommand: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub === "anchor") {
    if (rest.length !== 1 || rest[0]!.startsWith("-")) return fail(io, AUDIT_USAGE);
    return anchorAudit(io, path.resolve(rest[0]!));
  }
  if (sub !== "verify") return fail(io, AUDIT_USAGE);
  let anchorsFile: string | undefined;
  try {
    anchorsFile = parseArgs({
      args: rest,
      options: { anchors: { type: "string" } },
      strict: true,
    }).values.anchors;
  } catch (error) {
    return fail(io, `${(error as Error).message}\n${AUDIT_USAGE}`);
  }
  let anchors: ReturnType<typeof parseAnchorFile>["anchors"] = [];
  if (anchorsFile !== undefined) {
    const text = await fs.readFile(path.resolve(anchorsFile), "utf8").catch(() => null);
    if (text === null) return fail(io, `Cannot read the anchor file ${anchorsFile}`);
    const parsed = parseAnchorFile(text);
    if (parsed.problems.length > 0)
      return fail(io, `${anchorsFile} is not an anchor file:\n  ${parsed.problems.join("\n  ")}`);
    anchors = parsed.anchors;
  }
  const config = configForCli(io);
  if (!config) return EXIT.usage;
  return withDatabase(
    config,
    io,
    async ({ db }) => {
      const result = await verifyAuditChain(db);
      const anchored =
        anchorsFile === undefined ? undefined : await verifyAuditAnchors(db, anchors);
      io.stdout(`${JSON.stringify({ ...result, anchors: anchored }, null, 2)}\n`);
      let code: number = EXIT.ok;
      if (!result.ok) {
        const first = result.problems[0]!;
        io.stderr(
          `The audit log has been tampered with: ${result.problems.length} problem(s), first at seq ${first.seq} (chain ${first.chain}).\n`,
        );
        code = EXIT.failure;
      }
      for (const p of anchored?.problems ?? []) {
        io.stderr(
          `Anchor of ${p.anchoredAt} (${anchorsFile} line ${p.line}): chain ${p.chain} row ${p.chainSeq} (seq ${p.seq}) ${p.problem === "anchored_row_missing" ? "is no longer in the audit log" : "no longer has the anchored hash"}; the chain was cut or hashed anew after it.\n`,
        );
        code = EXIT.failure;
      }
      return code;
    },
    { as: "owner" },
  );
};

async function anchorAudit(io: CliIo, file: string): Promise<number> {
  if (!existsSync(path.dirname(file))) return fail(io, `The directory of ${file} does not exist`);
  const config = configForCli(io);
  if (!config) return EXIT.usage;
  return withDatabase(
    config,
    io,
    async ({ db }) => {
      const anchor = await appendAuditAnchor(db, file);
      io.stdout(
        `Anchored ${anchor.heads.length} chain head(s) at ${anchor.anchoredAt} to ${file}.\n`,
      );
      return EXIT.ok;
    },
    { as: "owner" },
  );
}
