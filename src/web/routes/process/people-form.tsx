import { Button, Fieldset, Heading, Textfield } from "@digdir/designsystemet-react";
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ACTOR_KIND_NAMES,
  ACTOR_KINDS,
  type ActorKind,
  BOARD_SECTORS,
  type BoardSector,
} from "../../../domain/process/parts.ts";
import { type ProcessDetail, ProcessUpdateBodySchema } from "../../../domain/process/schemas.ts";
import { api } from "../../api.ts";
import {
  FormActions,
  Options,
  SelectField,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { API, useLang } from "./shared.tsx";

type Row = { name: string; other: string; role: string };

/** Rows of one list: each with its own fields and a remove button, then an add button. */
function Rows({
  legend,
  rows,
  setRows,
  fresh,
  addLabel,
  removeLabel,
  children,
}: {
  legend: string;
  rows: Row[];
  setRows: (rows: Row[]) => void;
  fresh: Row;
  addLabel: string;
  removeLabel: (row: Row) => string;
  children: (row: Row, index: number, set: (patch: Partial<Row>) => void) => ReactNode;
}) {
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div key={index} className="process-item">
          {children(row, index, (patch) =>
            setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r))),
          )}
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            onClick={() => setRows(rows.filter((_, i) => i !== index))}
          >
            {removeLabel(row)}
          </Button>
        </div>
      ))}
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        onClick={() => setRows([...rows, fresh])}
      >
        {addLabel}
      </Button>
    </Fieldset>
  );
}

/** Who takes part: actors by kind, the key-leader group and the community board by sector. */
export function PeopleForm({
  process,
  onSaved,
}: {
  process: ProcessDetail;
  onSaved: (detail: ProcessDetail, message: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useFormErrors("process-people");
  const [open, setOpen] = useState(false);
  const [actors, setActors] = useState<Row[]>(
    process.actors.map((a) => ({ name: a.name, other: a.kind, role: "" })),
  );
  const [leaders, setLeaders] = useState<Row[]>(
    process.keyLeaders.map((k) => ({ name: k.name, other: "", role: k.role })),
  );
  const [board, setBoard] = useState<Row[]>(
    process.board.map((m) => ({ name: m.name, other: m.sector, role: m.role ?? "" })),
  );
  const save = useMutation({
    mutationFn: (body: unknown) =>
      api<ProcessDetail>("PATCH", `${API}/processes/${process.id}`, body),
    onSuccess: (detail) => {
      setOpen(false);
      onSaved(detail, t("process.parts.saved"));
    },
    onError: form.fromError,
  });
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("process.people.edit")}
      </Button>
    );
  }
  const submit = () => {
    const parsed = form.parse(ProcessUpdateBodySchema, {
      actors: actors.map((a) => ({ kind: a.other as ActorKind, name: a.name })),
      keyLeaders: leaders.map((k) => ({ name: k.name, role: k.role })),
      board: board.map((m) => ({
        name: m.name,
        sector: m.other as BoardSector,
        ...(m.role.trim() ? { role: m.role } : {}),
      })),
      version: process.version,
    });
    if (parsed) save.mutate(parsed);
  };
  const name = (prefix: string, index: number, row: Row, set: (p: Partial<Row>) => void) => (
    <Textfield
      {...form.field(`${prefix}.${index}.name`)}
      label={t("process.people.name")}
      value={row.name}
      onChange={(e) => set({ name: e.target.value })}
      required
    />
  );
  const role = (prefix: string, index: number, row: Row, set: (p: Partial<Row>) => void) => (
    <Textfield
      {...form.field(`${prefix}.${index}.role`)}
      label={t("process.people.role")}
      value={row.role}
      onChange={(e) => set({ role: e.target.value })}
    />
  );
  const remove = (row: Row) => t("process.people.remove", { name: row.name || "–" });
  return (
    <section aria-labelledby="people-form-title">
      <Heading level={2} data-size="xs" id="people-form-title">
        {t("process.people.edit")}
      </Heading>
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labelledBy="people-form-title"
        actions={
          <FormActions
            submitLabel={t("process.item.save")}
            pending={save.isPending}
            onCancel={() => setOpen(false)}
          />
        }
      >
        <Rows
          legend={t("process.detail.actors")}
          rows={actors}
          setRows={setActors}
          fresh={{ name: "", other: "municipality", role: "" }}
          addLabel={t("process.people.addActor")}
          removeLabel={remove}
        >
          {(row, i, set) => (
            <>
              {name("actors", i, row, set)}
              <SelectField
                {...form.field(`actors.${i}.kind`)}
                label={t("process.people.kind")}
                value={row.other}
                onChange={(v) => set({ other: v })}
              >
                <Options values={ACTOR_KINDS} label={(k) => ACTOR_KIND_NAMES[k][lang]} />
              </SelectField>
            </>
          )}
        </Rows>
        <Rows
          legend={t("process.detail.keyLeaders")}
          rows={leaders}
          setRows={setLeaders}
          fresh={{ name: "", other: "", role: "" }}
          addLabel={t("process.people.addLeader")}
          removeLabel={remove}
        >
          {(row, i, set) => (
            <>
              {name("keyLeaders", i, row, set)}
              {role("keyLeaders", i, row, set)}
            </>
          )}
        </Rows>
        <Rows
          legend={t("process.detail.board")}
          rows={board}
          setRows={setBoard}
          fresh={{ name: "", other: "school", role: "" }}
          addLabel={t("process.people.addMember")}
          removeLabel={remove}
        >
          {(row, i, set) => (
            <>
              {name("board", i, row, set)}
              <SelectField
                {...form.field(`board.${i}.sector`)}
                label={t("process.people.sector")}
                value={row.other}
                onChange={(v) => set({ other: v })}
              >
                <Options values={BOARD_SECTORS} label={(s) => t(`process.sectors.${s}`)} />
              </SelectField>
              {role("board", i, row, set)}
            </>
          )}
        </Rows>
      </ValidatedForm>
    </section>
  );
}
