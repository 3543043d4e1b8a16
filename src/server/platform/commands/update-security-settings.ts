import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { settings } from "../../../db/schema/platform.ts";
import type { SecuritySettings } from "../queries.ts";

/** Which roles must use two-factor authentication, platform-wide. */
export async function updateSecuritySettings(
  db: DbOrTx,
  audit: AuditContext & { actorId: string },
  input: SecuritySettings,
): Promise<SecuritySettings> {
  const value = { requireMfaForRoles: [...new Set(input.requireMfaForRoles)] };
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: "security", value, updatedBy: audit.actorId })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value, updatedAt: new Date(), updatedBy: audit.actorId },
      });
    await recordAudit(tx, audit, { action: "settings.security_update", details: value });
  });
  return value;
}
