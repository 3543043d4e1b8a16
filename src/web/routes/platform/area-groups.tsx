import {
  Button,
  Card,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Textfield,
} from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  AREA_GROUP_SET_KINDS,
  type AreaGroup,
  type AreaGroupSet,
  AreaGroupSetCreateSchema,
  AreaGroupSetUpdateSchema,
  AreaGroupUpdateSchema,
} from "../../../domain/platform/area-groups.ts";
import { api } from "../../api.ts";
import {
  Options,
  SelectField,
  StatusMessage,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { areaTypeName } from "../../components/labels.ts";
import { DescriptionField } from "../../components/organisation-fields.tsx";
import { type Organisation, useOrganisations } from "../../components/organisations.ts";
import {
  type EditableItem,
  findGroup,
  ItemButtons,
  ItemPanels,
  setsQuery,
  usePanels,
} from "./area-group-edit.tsx";

type Area = { id: string; name: string };

/** The municipality's areas, nested ones included, by name. */
function useMunicipalityAreas(municipalityId: string): Area[] {
  const all = useOrganisations().data ?? [];
  const below = new Set([municipalityId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of all) {
      if (o.parentId && below.has(o.parentId) && !below.has(o.id) && o.kind === "area") {
        below.add(o.id);
        grew = true;
      }
    }
  }
  return all
    .filter((o) => o.kind === "area" && o.id !== municipalityId && below.has(o.id))
    .map((o) => ({ id: o.id, name: o.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/**
 * "Områdesindelningar": the ways the municipality's areas are grouped (districts, school
 * catchments, DeSO …), each with its groups and their areas; managers create and fill them.
 */
export function AreaGroupsSection({ municipality }: { municipality: Organisation }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const sets = useQuery(setsQuery(municipality.id));
  const areas = useMunicipalityAreas(municipality.id);
  const manage = sets.data?.abilities.manage ?? false;
  return (
    <section aria-labelledby="area-groups-heading" className="area-groups">
      <Heading level={2} data-size="md" id="area-groups-heading" tabIndex={-1}>
        {t("areaGroups.title")}
      </Heading>
      <Paragraph>{t("areaGroups.intro")}</Paragraph>
      <StatusMessage message={status} />
      {sets.isPending ? (
        <Paragraph>{t("common.loading")}</Paragraph>
      ) : sets.isError ? (
        <Paragraph>{sets.error.message || t("common.unknownError")}</Paragraph>
      ) : sets.data.sets.length === 0 ? (
        <Paragraph>{t("areaGroups.empty")}</Paragraph>
      ) : (
        sets.data.sets.map((set) => (
          <GroupSetCard
            key={set.id}
            set={set}
            areas={areas}
            manage={manage && !municipality.archived}
            onStatus={setStatus}
            onRemoved={(message) => {
              setStatus(message);
              // The set's card is gone: focus goes to the section rather than to the page's top.
              document.getElementById("area-groups-heading")?.focus();
            }}
          />
        ))
      )}
      {manage && !municipality.archived ? (
        <CreateGroupSet municipalityId={municipality.id} onStatus={setStatus} />
      ) : null}
    </section>
  );
}

function GroupSetCard({
  set,
  areas,
  manage,
  onStatus,
  onRemoved,
}: {
  set: AreaGroupSet;
  areas: Area[];
  manage: boolean;
  onStatus: (message: string) => void;
  onRemoved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = `area-group-set-${set.id}`;
  const panels = usePanels(headingId);
  const names = new Map(areas.map((a) => [a.id, a.name]));
  const done = (message: string | null) => {
    panels.close();
    if (message) onStatus(message);
  };
  const target: EditableItem = {
    panels,
    item: { name: set.name, description: set.description, version: set.version },
    url: `/api/area-group-sets/${set.id}`,
    schema: AreaGroupSetUpdateSchema,
    municipalityId: set.municipalityId,
    fresh: (list) => list.sets.find((s) => s.id === set.id),
    labels: {
      editNamed: t("areaGroups.editSetNamed", { set: set.name }),
      removeNamed: t("areaGroups.removeSetNamed", { set: set.name }),
      editTitle: t("areaGroups.editSetTitle", { set: set.name }),
      nameLabel: t("areaGroups.setName"),
      removeTitle: t("areaGroups.removeSetTitle", { set: set.name }),
      confirmRemove: t("areaGroups.confirmRemoveSet"),
      stale: t("areaGroups.staleSet", { set: set.name }),
      gone: t("areaGroups.setGone", { set: set.name }),
      removed: t("areaGroups.setRemoved", { set: set.name }),
      saved: (name) => t("areaGroups.setSaved", { set: name }),
    },
  };
  return (
    <Card data-color="neutral" aria-labelledby={headingId} role="region">
      <Heading level={3} data-size="sm" id={headingId} tabIndex={-1}>
        {set.name}
      </Heading>
      <Paragraph data-size="sm">
        {t("areaGroups.kind")}: {areaTypeName(t, set.kind)}
        {set.description ? ` – ${set.description}` : ""}
      </Paragraph>
      {manage ? (
        <div className="button-row">
          <ItemButtons target={target} />
        </div>
      ) : null}
      {manage ? (
        <ItemPanels target={target} onDone={done} onRemoved={onRemoved}>
          <Paragraph>
            {set.groups.length > 0
              ? t("areaGroups.removeSetWithGroups", {
                  set: set.name,
                  groups: set.groups.map((g) => g.name).join(", "),
                })
              : t("areaGroups.removeSetNoGroups", { set: set.name })}
          </Paragraph>
          <Paragraph>{t("areaGroups.areasRemain")}</Paragraph>
        </ItemPanels>
      ) : null}
      {set.groups.length === 0 ? (
        <Paragraph>{t("areaGroups.noGroups")}</Paragraph>
      ) : (
        <ul className="area-group-list">
          {set.groups.map((group) => (
            <li key={group.id}>
              <GroupItem
                set={set}
                group={group}
                areas={areas}
                names={names}
                manage={manage}
                onStatus={onStatus}
                onRemoved={(message) => {
                  onStatus(message);
                  // The group's item is gone: focus goes to its set.
                  document.getElementById(headingId)?.focus();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {manage ? <CreateGroup set={set} onStatus={onStatus} /> : null}
    </Card>
  );
}

function GroupItem({
  set,
  group,
  areas,
  names,
  manage,
  onStatus,
  onRemoved,
}: {
  set: AreaGroupSet;
  group: AreaGroup;
  areas: Area[];
  names: Map<string, string>;
  manage: boolean;
  onStatus: (message: string) => void;
  onRemoved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const panels = usePanels(`area-group-${group.id}`);
  const memberNames = group.areaIds.map((id) => names.get(id) ?? t("areaGroups.hiddenArea"));
  const done = (message: string | null) => {
    panels.close();
    if (message) onStatus(message);
  };
  const target: EditableItem = {
    panels,
    item: { name: group.name, version: group.version },
    url: `/api/area-groups/${group.id}`,
    schema: AreaGroupUpdateSchema,
    municipalityId: set.municipalityId,
    fresh: (list) => findGroup(list, group.id),
    labels: {
      editNamed: t("areaGroups.editGroupNamed", { group: group.name }),
      removeNamed: t("areaGroups.removeGroupNamed", { group: group.name }),
      editTitle: t("areaGroups.editGroupTitle", { group: group.name }),
      nameLabel: t("areaGroups.groupName"),
      removeTitle: t("areaGroups.removeGroupTitle", { group: group.name }),
      confirmRemove: t("areaGroups.confirmRemoveGroup"),
      stale: t("areaGroups.staleGroup", { group: group.name }),
      gone: t("areaGroups.groupGone", { group: group.name }),
      removed: t("areaGroups.groupRemoved", { group: group.name, set: set.name }),
      saved: (name) => t("areaGroups.groupSaved", { group: name }),
    },
  };
  return (
    <>
      <strong>{group.name}</strong>
      {": "}
      {memberNames.length > 0 ? memberNames.join(", ") : t("areaGroups.noAreas")}
      {manage ? (
        <div className="button-row area-group-actions">
          <Button type="button" variant="secondary" data-size="sm" {...panels.toggle("members")}>
            {t("areaGroups.chooseAreasFor", { group: group.name })}
          </Button>
          <ItemButtons target={target} />
        </div>
      ) : null}
      {manage && panels.open === "members" ? (
        <MemberEditor
          id={panels.panelId("members")}
          set={set}
          group={group}
          areas={areas}
          onSaved={done}
        />
      ) : null}
      {manage ? (
        <ItemPanels target={target} onDone={done} onRemoved={onRemoved}>
          <Paragraph>
            {memberNames.length > 0
              ? t("areaGroups.removeGroupWithAreas", {
                  group: group.name,
                  set: set.name,
                  areas: memberNames.join(", "),
                })
              : t("areaGroups.removeGroupNoAreas", { group: group.name, set: set.name })}
          </Paragraph>
          <Paragraph>{t("areaGroups.areasRemain")}</Paragraph>
        </ItemPanels>
      ) : null}
    </>
  );
}

function MemberEditor({
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

function CreateGroup({
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

function CreateGroupSet({
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
