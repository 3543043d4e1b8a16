import { sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import type { MailMessage } from "../../platform/mailer.ts";
import { ConflictError, NotFoundError } from "../../plugins/errors.ts";
import { childContactsOf } from "../queries.ts";
import { grantCaseAccess } from "./grant-access.ts";

export interface ActivateContactInput {
  caseId: string;
  municipalityId: string;
  contactId: string;
}

export interface ActivatedContact {
  accessId: string;
  /** The notice to e-mail after commit; it names no child and no case content. */
  mail: MailMessage | null;
}

/**
 * Activates the child contact: one of the child's existing contacts (principal, BVC nurse,
 * social worker) gets the child-contact role on the case and a notice in the app, and, when
 * `publicUrl` is given (SMTP configured), an e-mail without case content.
 */
export async function activateChildContact(
  tx: Tx,
  audit: AuditContext,
  input: ActivateContactInput,
  publicUrl: string | null,
): Promise<ActivatedContact> {
  const contact = (await childContactsOf(tx, input.caseId)).find((c) => c.id === input.contactId);
  if (!contact) throw new NotFoundError("Kontakten finns inte bland barnets kontakter.");
  if (contact.active) throw new ConflictError("Kontakten är redan barnkontakt i ärendet.");
  const accessId = await grantCaseAccess(tx, audit, {
    caseId: input.caseId,
    userId: contact.userId,
    role: "child_contact",
    basis: "case_role",
    municipalityId: input.municipalityId,
  });
  await tx.execute(sql`
    INSERT INTO support.notifications (user_id, case_id, kind)
    VALUES (${contact.userId}, ${input.caseId}, 'child_contact_activated')`);
  await recordAudit(tx, audit, {
    action: "case.activate_contact",
    subjectType: "support_case",
    subjectId: input.caseId,
    organisationId: input.municipalityId,
    personalData: true,
    details: { accessId, contactId: contact.id, userId: contact.userId },
  });
  if (publicUrl === null) return { accessId, mail: null };
  const user = await tx.execute<{ email: string }>(
    sql`SELECT email FROM platform.users WHERE id = ${contact.userId}`,
  );
  const to = user.rows[0]?.email;
  if (!to) return { accessId, mail: null };
  const link = `${publicUrl.replace(/\/$/, "")}/support`;
  const text = `Hej!\n\nDu har blivit barnkontakt i ett ärende i Paraply (Stöd till barn). Logga in för att se ärendet:\n${link}\n\nMejlet innehåller av sekretesskäl inga uppgifter om barnet.`;
  return {
    accessId,
    mail: {
      to,
      subject: "Du har blivit barnkontakt i Paraply",
      text,
      html: `<p>Hej!</p><p>Du har blivit barnkontakt i ett ärende i Paraply (Stöd till barn). <a href="${link}">Logga in för att se ärendet</a>.</p><p>Mejlet innehåller av sekretesskäl inga uppgifter om barnet.</p>`,
    },
  };
}
