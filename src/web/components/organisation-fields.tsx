import { Textfield } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { AREA_TYPES, SECTORS } from "../../domain/platform/organisations.ts";
import { type FormErrors, Options, SelectField } from "./forms.tsx";
import { areaTypeName, sectorName } from "./labels.ts";

/**
 * The sector of a unit or the area type of an area (nothing for other kinds). With `choose`
 * the field starts with an empty "choose …" option and is required.
 */
export function SectorOrAreaTypeField({
  kind,
  form,
  sector,
  onSector,
  areaType,
  onAreaType,
  choose,
}: {
  kind: string;
  form: FormErrors;
  sector: string;
  onSector: (sector: string) => void;
  areaType: string;
  onAreaType: (areaType: string) => void;
  choose?: boolean;
}) {
  const { t } = useTranslation();
  if (kind === "unit")
    return (
      <SelectField
        {...form.field("sector")}
        label={t("organisations.sector")}
        value={sector}
        onChange={onSector}
        required={choose}
      >
        <Options
          values={SECTORS}
          label={(s) => sectorName(t, s)}
          placeholder={choose ? t("organisations.chooseSector") : undefined}
        />
      </SelectField>
    );
  if (kind === "area")
    return (
      <SelectField
        {...form.field("areaType")}
        label={t("organisations.areaType")}
        value={areaType}
        onChange={onAreaType}
        required={choose}
      >
        <Options
          values={AREA_TYPES}
          label={(a) => areaTypeName(t, a)}
          placeholder={choose ? t("organisations.chooseAreaType") : undefined}
        />
      </SelectField>
    );
  return null;
}

/** An optional description over a few lines, of an organisation or an area grouping. */
export function DescriptionField({
  form,
  label,
  rows,
  value,
  onChange,
}: {
  form: FormErrors;
  label: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Textfield
      {...form.field("description")}
      label={label}
      multiline
      rows={rows}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
