import { Checkbox, Fieldset, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  AREA_GROUP_SET_KINDS,
  type AreaGroup,
  type AreaGroupSet,
  AreaGroupSetCreateSchema,
} from "../../../domain/platform/area-groups.ts";
import { api } from "../../api.ts";
import { Options, SelectField, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { areaTypeName } from "../../components/labels.ts";
import { DescriptionField } from "../../components/organisation-fields.tsx";

export type Area = { id: string; name: string };

export function MemberEditor({
  id,
  set,
  group,
  areas,
  onSaved,
}: {
  id: string;
  set: AreaGroupSet;
  group: AreaGroup;
  areas: Area[];
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<string[]>(group.areaIds);
  const errors = useFormErrors(id);
  // Which other group of the same set each area is in: an area belongs to one group per set.
  const elsewhere = new Map<string, string>();
  for (const other of set.groups) {
    if (other.id === group.id) continue;
    for (const areaId of other.areaIds) elsewhere.set(areaId, other.name);
  }
  const save = useMutation({
    mutationFn: (areaIds: string[]) =>
      api<AreaGroup>("PUT", `/api/area-groups/${group.id}/members`, { areaIds }),
    onSuccess: async () => {
      errors.clear();
      await client.invalidateQueries({ queryKey: ["area-group-sets", set.municipalityId] });
      onSaved(t("areaGroups.membersSaved", { group: group.name }));
    },
    onError: errors.fromError,
  });
  const legendId = `${id}-legend`;
  return (
    <div id={id} className="area-group-editor">
      <ValidatedForm
        form={errors}
        onSubmit={() => save.mutate(chosen)}
        labelledBy={legendId}
        submitLabel={t("areaGroups.saveAreas")}
        pending={save.isPending}
      >
        <Fieldset>
          <Fieldset.Legend id={legendId}>
            {t("areaGroups.areasOf", { group: group.name })}
          </Fieldset.Legend>
          <Fieldset.Description>{t("areaGroups.oneGroupPerSet")}</Fieldset.Description>
          {areas.length === 0 ? (
            <Paragraph>{t("areaGroups.noMunicipalityAreas")}</Paragraph>
          ) : (
            areas.map((area) => (
              <Checkbox
                key={area.id}
                label={
                  elsewhere.has(area.id)
                    ? t("areaGroups.areaInOther", {
                        area: area.name,
                        group: elsewhere.get(area.id),
                      })
                    : area.name
                }
                value={area.id}
                checked={chosen.includes(area.id)}
                onChange={(e) =>
                  setChosen((prev) =>
                    e.target.checked ? [...prev, area.id] : prev.filter((x) => x !== area.id),
                  )
                }
              />
            ))
          )}
        </Fieldset>
      </ValidatedForm>
    </div>
  );
}

export function CreateGroup({
  set,
  onStatus,
}: {
  set: AreaGroupSet;
  onStatus: (message: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState("");
  const errors = useFormErrors(`create-group-${set.id}`);
  const headingId = `create-group-heading-${set.id}`;
  const create = useMutation({
    mutationFn: (body: { name: string }) =>
      api<AreaGroup>("POST", `/api/area-group-sets/${set.id}/groups`, body),
    onSuccess: async (created) => {
      errors.clear();
      setName("");
      await client.invalidateQueries({ queryKey: ["area-group-sets", set.municipalityId] });
      onStatus(t("areaGroups.groupCreated", { group: created.name, set: set.name }));
    },
    onError: errors.fromError,
  });
  const submit = () => {
    if (!errors.validate(name.trim() ? {} : { name: t("areaGroups.nameRequired") })) return;
    create.mutate({ name: name.trim() });
  };
  return (
    <div className="area-group-create">
      <Heading level={4} data-size="xs" id={headingId}>
        {t("areaGroups.addGroupTo", { set: set.name })}
      </Heading>
      <ValidatedForm
        form={errors}
        onSubmit={submit}
        labelledBy={headingId}
        submitLabel={t("areaGroups.addGroup")}
        variant="secondary"
        pending={create.isPending}
      >
        <Textfield
          {...errors.field("name")}
          label={t("areaGroups.groupName")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
      </ValidatedForm>
    </div>
  );
}

export function CreateGroupSet({
  municipalityId,
  onStatus,
}: {
  municipalityId: string;
  onStatus: (message: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState("");
  const [kind, setKind] = useState("");
  const [description, setDescription] = useState("");
  const errors = useFormErrors("create-area-group-set");
  const create = useMutation({
    mutationFn: (body: unknown) =>
      api<AreaGroupSet>("POST", `/api/organisations/${municipalityId}/area-group-sets`, body),
    onSuccess: async (created) => {
      errors.clear();
      setName("");
      setKind("");
      setDescription("");
      await client.invalidateQueries({ queryKey: ["area-group-sets", municipalityId] });
      onStatus(t("areaGroups.setCreated", { set: created.name }));
    },
    onError: errors.fromError,
  });
  const submit = () => {
    const parsed = errors.parse(
      AreaGroupSetCreateSchema,
      { name, kind: kind || undefined, ...(description.trim() ? { description } : {}) },
      { name: t("areaGroups.nameRequired"), kind: t("areaGroups.kindRequired") },
    );
    if (parsed) create.mutate(parsed);
  };
  return (
    <div className="panel">
      <Heading level={3} data-size="sm" id="create-area-group-set-heading">
        {t("areaGroups.createSet")}
      </Heading>
      <ValidatedForm
        form={errors}
        onSubmit={submit}
        labelledBy="create-area-group-set-heading"
        submitLabel={t("areaGroups.createSetSubmit")}
        pending={create.isPending}
      >
        <Textfield
          {...errors.field("name")}
          label={t("areaGroups.setName")}
          description={t("areaGroups.setNameHint")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <SelectField
          {...errors.field("kind")}
          label={t("areaGroups.kind")}
          value={kind}
          onChange={setKind}
          required
        >
          <Options
            values={AREA_GROUP_SET_KINDS}
            label={(k) => areaTypeName(t, k)}
            placeholder={t("areaGroups.chooseKind")}
          />
        </SelectField>
        <DescriptionField
          form={errors}
          label={t("areaGroups.description")}
          rows={2}
          value={description}
          onChange={setDescription}
        />
      </ValidatedForm>
    </div>
  );
}
