import { type CaseScope, mayReadAddress } from "../../domain/support/access.ts";
import type { CaseDetail, CaseListItem } from "../../domain/support/schemas.ts";
import { type CaseAccessGrant, holdsRole, recordFor } from "./case-access.ts";
import { ACTIVATING_ROLES, RESPONSIBLE_ROLES } from "./policy.ts";
import type { CaseListRow, CaseRow, ConsentRow, MemberRow } from "./queries.ts";

/** What anyone on a case calls it: the child's name with the summary part, else a neutral title. */
function titleOf(kind: CaseRow["kind"], label: string | null, name: string | null): string {
  if (kind === "consultation") return label ?? "";
  return name ?? "Ärende";
}

export function presentCaseListItem(row: CaseListRow): CaseListItem {
  const named = row.scopes.includes("summary") && row.givenName !== null;
  return {
    id: row.id,
    kind: row.kind,
    title: titleOf(row.kind, row.label, named ? `${row.givenName} ${row.familyName}` : null),
    protectedIdentity: row.protectedIdentity,
    status: row.status,
    openedAt: row.openedAt.toISOString(),
    role: row.roles[0]!,
    roles: row.roles,
  };
}

interface DetailParts {
  members: MemberRow[] | null;
  consents: ConsentRow[] | null;
}

/**
 * A case as the caller may see it: each part only with its scope; the access it rests on and
 * what the caller may do, so that the web app hides what they cannot use.
 */
export function presentCaseDetail(
  row: CaseRow,
  grant: CaseAccessGrant,
  parts: DetailParts,
): CaseDetail {
  const has = (scope: CaseScope) => grant.scopes.has(scope);
  const primary = recordFor(grant)!;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    municipalityId: row.municipalityId,
    openedAt: row.openedAt.toISOString(),
    access: {
      id: primary.id,
      role: primary.role,
      basis: primary.basis,
      scopes: [...grant.scopes],
      roles: [...grant.roles],
      validUntil: primary.validUntil?.toISOString() ?? null,
    },
    abilities: {
      activateContact: row.kind === "child" && holdsRole(grant, ACTIVATING_ROLES),
      recordConsent: has("consents"),
      close: holdsRole(grant, RESPONSIBLE_ROLES),
      readAccessLog: has("access_log"),
    },
    summary:
      has("summary") && parts.members
        ? {
            title: titleOf(
              row.kind,
              row.label,
              row.child ? `${row.child.givenName} ${row.child.familyName}` : null,
            ),
            child: row.child
              ? {
                  id: row.child.id,
                  personalNumber: row.child.personalNumber,
                  givenName: row.child.givenName,
                  familyName: row.child.familyName,
                  birthDate: row.child.birthDate,
                  protectedIdentity: row.child.protectedIdentity,
                  address: mayReadAddress(grant.roles, row.child.protectedIdentity)
                    ? row.child.address
                    : null,
                }
              : null,
            observation: row.observation,
            immediateSupport: row.immediateSupport,
            members: parts.members.map((m) => ({
              accessId: m.accessId,
              userId: m.userId,
              displayName: m.displayName,
              role: m.role,
              basis: m.basis,
              validUntil: m.validUntil?.toISOString() ?? null,
            })),
          }
        : null,
    consents:
      has("consents") && parts.consents
        ? parts.consents.map((c) => ({
            id: c.id,
            kind: c.kind,
            givenBy: c.givenBy,
            giverName: c.giverName,
            purpose: c.purpose,
            sharingOrganisationIds: c.sharingOrganisationIds,
            recipientOrganisationIds: c.recipientOrganisationIds,
            scopes: c.scopes,
            validFrom: c.validFrom.toISOString(),
            validUntil: c.validUntil?.toISOString() ?? null,
            withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
            recordedAt: c.recordedAt.toISOString(),
          }))
        : null,
  };
}
