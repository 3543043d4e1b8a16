import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, type Role, roleNeedsOrganisation } from "../../domain/platform/roles.ts";
import { type FormErrors, Options, SelectField } from "./forms.tsx";
import { roleName } from "./labels.ts";
import { organisationLabel, useOrganisations } from "./organisations.ts";
import { useMe } from "./session.ts";

/** The role and organisation of a grant being chosen, and whether the role needs an organisation. */
export function useRoleGrant() {
  const [role, setRole] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const needsOrganisation = !role || roleNeedsOrganisation(role as Role);
  const reset = () => {
    setRole("");
    setOrganisationId("");
  };
  return { role, setRole, organisationId, setOrganisationId, needsOrganisation, reset };
}

export type RoleGrant = ReturnType<typeof useRoleGrant>;

/** Role and organisation pickers shared by the create-user form and the add-role form. */
export function RoleGrantFields({ grant, form }: { grant: RoleGrant; form: FormErrors }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const orgs = useOrganisations();
  const isSystemAdmin = me?.grants.some((g) => g.role === "system_admin");
  const roles = ROLES.filter((r) => isSystemAdmin || r !== "system_admin");
  return (
    <>
      <SelectField
        {...form.field("role")}
        label={t("users.role")}
        value={grant.role}
        onChange={grant.setRole}
        required
      >
        <Options values={roles} label={(r) => roleName(t, r)} placeholder={t("users.chooseRole")} />
      </SelectField>
      {grant.needsOrganisation ? (
        <SelectField
          {...form.field("organisationId")}
          label={t("users.organisation")}
          value={grant.organisationId}
          onChange={grant.setOrganisationId}
          required
        >
          <option value="">{t("users.chooseOrganisation")}</option>
          {(orgs.data ?? [])
            .filter((o) => !o.archived)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {organisationLabel(t, o)}
              </option>
            ))}
        </SelectField>
      ) : null}
    </>
  );
}
