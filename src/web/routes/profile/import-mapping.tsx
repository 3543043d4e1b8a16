import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  GENDERS,
  GRADES,
  type Import,
  MAPPING_ROLES,
  type Mapping,
  type MappingRole,
} from "../../../domain/profile/schemas.ts";
import { DataTable } from "../../components/data-table.tsx";
import { FormActions } from "../../components/forms.tsx";
import { groupName } from "./shared.tsx";

const IGNORE = "";
const ITEM = "item:";

/** What each file column is used for, as the select's value: "", a role, or "item:<id>". */
export type ColumnTargets = Record<string, string>;

export function targetsOf(mapping: Mapping | null): ColumnTargets {
  const targets: ColumnTargets = {};
  if (!mapping) return targets;
  for (const [item, column] of Object.entries(mapping.items)) targets[column] = `${ITEM}${item}`;
  for (const role of MAPPING_ROLES) {
    const column = mapping[role];
    if (column) targets[column] = role;
  }
  return targets;
}

/** The mapping the server takes, from the columns' targets and the value maps. */
export function mappingOf(
  targets: ColumnTargets,
  values: Pick<Mapping, "areaValues" | "genderValues" | "gradeValues">,
): Mapping {
  const columnOf = (role: MappingRole) =>
    Object.entries(targets).find(([, target]) => target === role)?.[0] ?? null;
  const items: Record<string, string> = {};
  for (const [column, target] of Object.entries(targets))
    if (target.startsWith(ITEM)) items[target.slice(ITEM.length)] = column;
  return {
    items,
    respondent: columnOf("respondent"),
    area: columnOf("area") ?? "",
    grade: columnOf("grade"),
    gender: columnOf("gender"),
    school: columnOf("school"),
    class: columnOf("class"),
    ...values,
  };
}

/** The values of a column the person can see: its .sav value labels, else its first values. */
function valuesOf(
  column: Import["columns"][number] | undefined,
): { value: string; label: string }[] {
  if (!column) return [];
  if (column.valueLabels.length) return column.valueLabels;
  return [...new Set(column.sample.filter((s) => s !== ""))].map((value) => ({
    value,
    label: value,
  }));
}

/**
 * Step 2: each column of the file to an item of the instrument, to a grouping column, or to
 * nothing; then the codes of the gender and grade columns. Columns named as the items are
 * matched already (the server's suggestion).
 */
export function MappingStep({
  upload,
  items,
  pending,
  onSubmit,
  onCancel,
}: {
  upload: Import;
  items: string[];
  pending: boolean;
  onSubmit: (mapping: Mapping) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const start = upload.mapping ?? upload.suggestedMapping;
  const [targets, setTargets] = useState<ColumnTargets>(() => targetsOf(start));
  const [genderValues, setGenderValues] = useState(start?.genderValues ?? {});
  const [gradeValues, setGradeValues] = useState(start?.gradeValues ?? {});
  const [error, setError] = useState<string | null>(null);
  const used = new Set(Object.values(targets));
  const columnFor = (role: MappingRole) => upload.columns.find((c) => targets[c.name] === role);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!Object.values(targets).includes("area")) {
      setError(t("profile.import.areaRequired"));
      document.getElementById("profile-mapping-error")?.focus();
      return;
    }
    setError(null);
    onSubmit(
      mappingOf(targets, { areaValues: start?.areaValues ?? {}, genderValues, gradeValues }),
    );
  };
  const gender = valuesOf(columnFor("gender"));
  const grade = valuesOf(columnFor("grade"));
  return (
    <form
      onSubmit={submit}
      noValidate
      className="form-stack"
      aria-labelledby="profile-step-heading"
    >
      <Paragraph>{t("profile.import.mappingIntro")}</Paragraph>
      {error ? (
        <p id="profile-mapping-error" role="alert" tabIndex={-1} className="profile-error">
          {error}
        </p>
      ) : null}
      <DataTable
        caption={t("profile.import.columnsCaption", { count: upload.columns.length })}
        columns={[
          t("profile.import.column"),
          t("profile.import.sample"),
          t("profile.import.useAs"),
        ]}
      >
        {upload.columns.map((c, index) => (
          <Table.Row key={c.name}>
            <Table.HeaderCell scope="row">
              {c.name}
              {c.label ? <span className="profile-sub"> {c.label}</span> : null}
            </Table.HeaderCell>
            <Table.Cell>{c.sample.slice(0, 5).join(", ")}</Table.Cell>
            <Table.Cell>
              <select
                className="ds-input"
                aria-label={t("profile.import.useAsFor", { column: c.name })}
                id={`profile-map-${index}`}
                value={targets[c.name] ?? IGNORE}
                onChange={(e) => setTargets({ ...targets, [c.name]: e.target.value })}
              >
                <option value={IGNORE}>{t("profile.import.ignore")}</option>
                {MAPPING_ROLES.map((role) => (
                  <option
                    key={role}
                    value={role}
                    disabled={targets[c.name] !== role && used.has(role)}
                  >
                    {t(`profile.import.roles.${role}`)}
                  </option>
                ))}
                {items.map((item) => (
                  <option
                    key={item}
                    value={`${ITEM}${item}`}
                    disabled={targets[c.name] !== `${ITEM}${item}` && used.has(`${ITEM}${item}`)}
                  >
                    {t("profile.import.itemN", { item })}
                  </option>
                ))}
              </select>
            </Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
      <Paragraph data-size="sm">
        {t("profile.import.itemsMapped", {
          mapped: items.filter((i) => used.has(`${ITEM}${i}`)).length,
          total: items.length,
        })}
      </Paragraph>
      {gender.length ? (
        <ValueMap
          heading={t("profile.import.genderCodes")}
          values={gender}
          options={GENDERS.map((g) => [g, groupName(t, "gender", g)])}
          current={genderValues}
          onChange={setGenderValues}
        />
      ) : null}
      {grade.length ? (
        <ValueMap
          heading={t("profile.import.gradeCodes")}
          values={grade}
          options={GRADES.map((g) => [g, groupName(t, "grade", g)])}
          current={gradeValues}
          onChange={setGradeValues}
        />
      ) : null}
      <FormActions
        submitLabel={t("profile.import.checkFile")}
        pending={pending}
        onCancel={onCancel}
      />
    </form>
  );
}

function ValueMap<V extends string>({
  heading,
  values,
  options,
  current,
  onChange,
}: {
  heading: string;
  values: { value: string; label: string }[];
  options: (readonly [V, string])[];
  current: Record<string, V>;
  onChange: (next: Record<string, V>) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="profile-value-map">
      <legend>
        <Heading level={3} data-size="xs">
          {heading}
        </Heading>
      </legend>
      {values.map((v) => (
        <label key={v.value} className="profile-value-row">
          <span>{v.label === v.value ? v.value : `${v.value} (${v.label})`}</span>
          <select
            className="ds-input"
            aria-label={`${heading}: ${v.value}`}
            value={current[v.value] ?? ""}
            onChange={(e) => {
              const next = { ...current };
              if (e.target.value) next[v.value] = e.target.value as V;
              else delete next[v.value];
              onChange(next);
            }}
          >
            <option value="">{t("profile.import.asInFile")}</option>
            {options.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
