import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { z } from "zod";
import type { AreaGroupSetListSchema } from "../../../domain/platform/area-groups.ts";
import type { Profile, Wave } from "../../../domain/profile/schemas.ts";
import { type ApiError, get } from "../../api.ts";
import { SelectField } from "../../components/forms.tsx";
import { groupName, type Selection } from "./shared.tsx";

type GroupSets = z.infer<typeof AreaGroupSetListSchema>;

/** The selection in the address, so a filtered profile can be bookmarked and shared. */
export function useSelection(): [
  Selection & { groupSetId: string },
  (s: Partial<Selection & { groupSetId: string }>) => void,
] {
  const [params, setParams] = useSearchParams();
  const current = {
    area: params.get("area") || null,
    grade: params.get("grade") || null,
    gender: params.get("gender") || null,
    groupSetId: params.get("groupSetId") ?? "",
  };
  const set = (next: Partial<Selection & { groupSetId: string }>) => {
    const merged = { ...current, ...next };
    // Areas and groups are different ids: a new grouping starts from the whole municipality.
    if (next.groupSetId !== undefined && next.groupSetId !== current.groupSetId) merged.area = null;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(merged)) if (v) out[k] = v;
    setParams(out, { replace: true });
  };
  return [current, set];
}

/** Filters of a profile: area grouping, area (or group), grade, gender. */
export function SelectionFilters({
  profile,
  wave,
  selection,
  onChange,
  hideArea = false,
}: {
  hideArea?: boolean;
  profile: Profile;
  wave: Pick<Wave, "organisationId">;
  selection: Selection & { groupSetId: string };
  onChange: (s: Partial<Selection & { groupSetId: string }>) => void;
}) {
  const { t } = useTranslation();
  const sets = useQuery<GroupSets, ApiError>({
    queryKey: ["area-group-sets", wave.organisationId],
    queryFn: () => get<GroupSets>(`/api/organisations/${wave.organisationId}/area-group-sets`),
  });
  return (
    <search className="profile-filters">
      <SelectField
        id="profile-groupset"
        label={t("profile.filters.grouping")}
        value={selection.groupSetId}
        onChange={(v) => onChange({ groupSetId: v })}
      >
        <option value="">{t("profile.filters.byArea")}</option>
        {(sets.data?.sets ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      {hideArea ? null : (
        <SelectField
          id="profile-area"
          label={selection.groupSetId ? t("profile.filters.group") : t("profile.filters.area")}
          value={selection.area ?? ""}
          onChange={(v) => onChange({ area: v || null })}
        >
          <option value="">{t("profile.filters.wholeMunicipality")}</option>
          {profile.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        id="profile-grade"
        label={t("profile.filters.grade")}
        value={selection.grade ?? ""}
        onChange={(v) => onChange({ grade: v || null })}
      >
        <option value="">{t("profile.filters.allGrades")}</option>
        {profile.grades.map((g) => (
          <option key={g} value={g}>
            {groupName(t, "grade", g)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="profile-gender"
        label={t("profile.filters.gender")}
        value={selection.gender ?? ""}
        onChange={(v) => onChange({ gender: v || null })}
      >
        <option value="">{t("profile.filters.allGenders")}</option>
        {profile.genders.map((g) => (
          <option key={g} value={g}>
            {groupName(t, "gender", g)}
          </option>
        ))}
      </SelectField>
    </search>
  );
}

/** "Område Centrum, årskurs 9, flickor", or "Alla elever". */
export function selectionLabel(t: TFunction, profile: Profile, s: Selection): string {
  const parts = [
    s.area ? (profile.areas.find((a) => a.id === s.area)?.name ?? s.area) : null,
    s.grade ? groupName(t, "grade", s.grade) : null,
    s.gender ? groupName(t, "gender", s.gender) : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : t("profile.allStudents");
}
