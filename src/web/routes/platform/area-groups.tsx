import { Button, Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AreaGroup,
  type AreaGroupSet,
  AreaGroupSetUpdateSchema,
  AreaGroupUpdateSchema,
} from "../../../domain/platform/area-groups.ts";
import { StatusMessage } from "../../components/forms.tsx";
import { areaTypeName } from "../../components/labels.ts";
import { type Organisation, useOrganisations } from "../../components/organisations.ts";
import {
  type EditableItem,
  findGroup,
  ItemButtons,
  ItemPanels,
  setsQuery,
  usePanels,
} from "./area-group-edit.tsx";
import { type Area, CreateGroup, CreateGroupSet, MemberEditor } from "./area-groups-forms.tsx";

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
