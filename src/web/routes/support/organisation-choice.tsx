import { Checkbox, Fieldset } from "@digdir/designsystemet-react";
import { useMemo } from "react";
import { useOrganisations } from "../../components/organisations.ts";

/** Units (schools, social services, health care …) to tick, by name: who shares, who receives. */
export function OrganisationChoice({
  id,
  legend,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const orgs = useOrganisations();
  const units = useMemo(
    () =>
      (orgs.data ?? [])
        .filter((o) => o.kind === "unit" && !o.archived)
        .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    [orgs.data],
  );
  return (
    <Fieldset id={id} tabIndex={-1} className="support-choice">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {units.map((o) => (
        <Checkbox
          key={o.id}
          label={o.name}
          value={o.id}
          checked={value.includes(o.id)}
          onChange={(e) =>
            onChange(e.target.checked ? [...value, o.id] : value.filter((x) => x !== o.id))
          }
        />
      ))}
    </Fieldset>
  );
}
