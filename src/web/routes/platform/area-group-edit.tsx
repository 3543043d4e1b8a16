import { Button, Heading, Textfield } from "@digdir/designsystemet-react";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { AreaGroupSetListSchema } from "../../../domain/platform/area-groups.ts";
import { ApiError, api, get, query } from "../../api.ts";
import { FormActions, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { DescriptionField } from "../../components/organisation-fields.tsx";

// Editing and removing area group sets and groups on the municipality page: the panels, the
// rename/description form and the confirmed removal (used by area-groups.tsx).

export type SetList = z.infer<typeof AreaGroupSetListSchema>;

export const setsQuery = (municipalityId: string) =>
  queryOptions<SetList, ApiError>({
    queryKey: ["area-group-sets", municipalityId],
    queryFn: () => get<SetList>(`/api/organisations/${municipalityId}/area-group-sets`),
  });

export type Panel = "members" | "edit" | "remove";

/**
 * Which of an item's panels is open (one at a time), and the toggles that open them; closing a
 * panel returns focus to its toggle so keyboard users stay where they were.
 */
export function usePanels(idPrefix: string) {
  const [open, setOpen] = useState<Panel | null>(null);
  const toggles = useRef(new Map<Panel, HTMLButtonElement | null>());
  const panelId = (panel: Panel) => `${idPrefix}-${panel}`;
  return {
    open,
    panelId,
    close: () => {
      if (open) toggles.current.get(open)?.focus();
      setOpen(null);
    },
    toggle: (panel: Panel) => ({
      ref: (el: HTMLButtonElement | null) => {
        toggles.current.set(panel, el);
      },
      "aria-expanded": open === panel,
      "aria-controls": open === panel ? panelId(panel) : undefined,
      onClick: () => setOpen((prev) => (prev === panel ? null : panel)),
    }),
  };
}

/**
 * A stale version (409) told in the item's own words; the server's text is in Swedish only and
 * does not name the item. Any other error as it came.
 */
function explainConflict(error: Error, stale: string): { stale: boolean; error: Error } {
  const isStale = error instanceof ApiError && error.code === "stale_version";
  return { stale: isStale, error: isStale ? new ApiError(409, "stale_version", stale) : error };
}

export const findGroup = (list: SetList, id: string) =>
  list.sets.flatMap((s) => s.groups).find((g) => g.id === id);

/** A set's or group's name, and a set's description, as the reader last loaded them. */
export type Editable = { name: string; description?: string | null; version: number };

/** The list as the server has it now, to start again from after a stale version. */
export function useReloadSets(municipalityId: string) {
  const client = useQueryClient();
  return () => client.fetchQuery({ ...setsQuery(municipalityId), staleTime: 0 });
}

/**
 * Renames a set or a group, and edits a set's description (an item with a `description`). Sends
 * only what changed with the version the form was opened from; when someone else changed the item
 * meanwhile (409), the reader reloads it and makes the change again.
 */
function EditForm({
  id,
  title,
  nameLabel,
  item,
  url,
  schema,
  municipalityId,
  fresh,
  texts,
  onDone,
  onGone,
}: {
  id: string;
  title: string;
  nameLabel: string;
  item: Editable;
  url: string;
  schema: z.ZodType<object>;
  municipalityId: string;
  fresh: (list: SetList) => Editable | undefined;
  texts: { stale: string; gone: string; saved: (name: string) => string };
  onDone: (message: string | null) => void;
  onGone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const reloadSets = useReloadSets(municipalityId);
  const errors = useFormErrors(id);
  const [base, setBase] = useState(item);
  const [name, setName] = useState(item.name);
  const [description, setDescription] = useState(item.description ?? "");
  const [stale, setStale] = useState(false);
  const withDescription = base.description !== undefined;
  const headingId = `${id}-heading`;
  const nameId = errors.fieldId("name");
  useEffect(() => {
    document.getElementById(nameId)?.focus();
  }, [nameId]);
  const save = useMutation({
    mutationFn: (body: object) => api<unknown>("PATCH", url, body),
    onSuccess: async () => {
      errors.clear();
      await client.invalidateQueries({ queryKey: ["area-group-sets", municipalityId] });
      onDone(texts.saved(name.trim()));
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 404) {
        await client.invalidateQueries({ queryKey: ["area-group-sets", municipalityId] });
        onGone(texts.gone);
        return;
      }
      const explained = explainConflict(error, texts.stale);
      setStale(explained.stale);
      errors.fromError(explained.error);
    },
  });
  const reload = async () => {
    const current = fresh(await reloadSets());
    if (!current) {
      onGone(texts.gone);
      return;
    }
    setBase(current);
    setName(current.name);
    setDescription(current.description ?? "");
    setStale(false);
    errors.clear();
    document.getElementById(nameId)?.focus();
  };
  const submit = () => {
    const changes = {
      ...(name.trim() !== base.name ? { name } : {}),
      ...(withDescription && description.trim() !== (base.description ?? "")
        ? { description: description.trim() || null }
        : {}),
    };
    if (Object.keys(changes).length === 0) {
      onDone(null);
      return;
    }
    const parsed = errors.parse(
      schema,
      { ...changes, version: base.version },
      { name: t("areaGroups.nameRequired") },
    );
    if (parsed) save.mutate(parsed);
  };
  return (
    <div id={id} className="panel area-group-editor">
      <Heading level={4} data-size="xs" id={headingId}>
        {title}
      </Heading>
      <ValidatedForm
        form={errors}
        onSubmit={submit}
        labelledBy={headingId}
        actions={
          <FormActions
            submitLabel={t("areaGroups.saveChanges")}
            pending={save.isPending}
            onCancel={() => onDone(null)}
          >
            {stale ? (
              <Button type="button" variant="secondary" onClick={() => void reload()}>
                {t("areaGroups.reload")}
              </Button>
            ) : null}
          </FormActions>
        }
      >
        <Textfield
          {...errors.field("name")}
          label={nameLabel}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        {withDescription ? (
          <DescriptionField
            form={errors}
            label={t("areaGroups.description")}
            rows={2}
            value={description}
            onChange={setDescription}
          />
        ) : null}
      </ValidatedForm>
    </div>
  );
}

/**
 * The confirmation step before a set or group is deleted: says what goes (`children`) and is
 * sent with the version it was opened from, so a deletion is never decided on an old picture.
 */
function ConfirmRemove({
  id,
  title,
  confirmLabel,
  url,
  version,
  municipalityId,
  fresh,
  texts,
  onCancel,
  onRemoved,
  children,
}: {
  id: string;
  title: string;
  confirmLabel: string;
  url: string;
  version: number;
  municipalityId: string;
  fresh: (list: SetList) => { version: number } | undefined;
  texts: { stale: string; gone: string; removed: string };
  onCancel: () => void;
  onRemoved: (message: string) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const reloadSets = useReloadSets(municipalityId);
  const errors = useFormErrors(id);
  const [decidedFrom, setDecidedFrom] = useState(version);
  const [stale, setStale] = useState(false);
  const headingId = `${id}-heading`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const gone = async (message: string) => {
    await client.invalidateQueries({ queryKey: ["area-group-sets", municipalityId] });
    onRemoved(message);
  };
  const remove = useMutation({
    mutationFn: () => api<unknown>("DELETE", `${url}${query({ version: decidedFrom })}`),
    onSuccess: () => gone(texts.removed),
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 404) return gone(texts.gone);
      const explained = explainConflict(error, texts.stale);
      setStale(explained.stale);
      errors.fromError(explained.error);
    },
  });
  const reload = async () => {
    const current = fresh(await reloadSets());
    if (!current) {
      onRemoved(texts.gone);
      return;
    }
    setDecidedFrom(current.version);
    setStale(false);
    errors.clear();
    headingRef.current?.focus();
  };
  return (
    <div id={id} className="panel area-group-editor">
      <Heading level={4} data-size="xs" id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      <ValidatedForm
        form={errors}
        onSubmit={() => remove.mutate()}
        labelledBy={headingId}
        actions={
          <div className="button-row">
            <Button type="submit" data-color="danger" disabled={remove.isPending}>
              {confirmLabel}
            </Button>
            {stale ? (
              <Button type="button" variant="secondary" onClick={() => void reload()}>
                {t("areaGroups.reload")}
              </Button>
            ) : null}
            <Button type="button" variant="secondary" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          </div>
        }
      >
        {children}
      </ValidatedForm>
    </div>
  );
}

/** A set or a group as its edit and remove panels need it, with its texts. */
export interface EditableItem {
  panels: ReturnType<typeof usePanels>;
  item: Editable;
  url: string;
  schema: z.ZodType<object>;
  municipalityId: string;
  fresh: (list: SetList) => Editable | undefined;
  labels: {
    editNamed: string;
    removeNamed: string;
    editTitle: string;
    nameLabel: string;
    removeTitle: string;
    confirmRemove: string;
    stale: string;
    gone: string;
    removed: string;
    saved: (name: string) => string;
  };
}

/** The item's "Byt namn/ändra" and "Ta bort" toggles, named for screen readers. */
export function ItemButtons({ target }: { target: EditableItem }) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        aria-label={target.labels.editNamed}
        {...target.panels.toggle("edit")}
      >
        {t("areaGroups.edit")}
      </Button>
      <Button
        type="button"
        variant="secondary"
        data-color="danger"
        data-size="sm"
        aria-label={target.labels.removeNamed}
        {...target.panels.toggle("remove")}
      >
        {t("areaGroups.remove")}
      </Button>
    </>
  );
}

/** The open edit form or removal confirmation; `children` say what a removal takes with it. */
export function ItemPanels({
  target,
  onDone,
  onRemoved,
  children,
}: {
  target: EditableItem;
  onDone: (message: string | null) => void;
  onRemoved: (message: string) => void;
  children: ReactNode;
}) {
  const { panels, labels } = target;
  if (panels.open === "edit") {
    return (
      <EditForm
        id={panels.panelId("edit")}
        title={labels.editTitle}
        nameLabel={labels.nameLabel}
        item={target.item}
        url={target.url}
        schema={target.schema}
        municipalityId={target.municipalityId}
        fresh={target.fresh}
        texts={{ stale: labels.stale, gone: labels.gone, saved: labels.saved }}
        onDone={onDone}
        onGone={onRemoved}
      />
    );
  }
  if (panels.open === "remove") {
    return (
      <ConfirmRemove
        id={panels.panelId("remove")}
        title={labels.removeTitle}
        confirmLabel={labels.confirmRemove}
        url={target.url}
        version={target.item.version}
        municipalityId={target.municipalityId}
        fresh={target.fresh}
        texts={{ stale: labels.stale, gone: labels.gone, removed: labels.removed }}
        onCancel={() => onDone(null)}
        onRemoved={onRemoved}
      >
        {children}
      </ConfirmRemove>
    );
  }
  return null;
}
