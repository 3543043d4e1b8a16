import { Alert, Button, Heading, Paragraph, Table, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { GRADES, type Invited, type Wave } from "../../../domain/profile/schemas.ts";
import { type ApiError, api } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { API, errorText, groupName } from "./shared.tsx";

interface Row {
  school: string;
  grade: string;
  invited: string;
}

/**
 * How many were invited per school and grade, where known: the response-rate rule withholds the
 * wave's figures when fewer than half of them answered. Saving replaces the whole list.
 */
export function InvitedCounts({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() =>
    wave.invited.map((i) => ({ school: i.school, grade: i.grade, invited: String(i.invited) })),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation<Wave, ApiError, Invited[]>({
    mutationFn: (invited) => api<Wave>("PUT", `${API}/waves/${wave.id}/invited`, { invited }),
    onSuccess: (saved) => {
      client.setQueryData(["profile", "wave", wave.id], saved);
      void client.invalidateQueries({ queryKey: ["profile", "profile", wave.id] });
    },
  });
  const set = (index: number, patch: Partial<Row>) =>
    setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const submit = () => {
    const invited: Invited[] = [];
    for (const r of rows) {
      const count = Number(r.invited);
      if (!r.school.trim() || !Number.isInteger(count) || count < 0) {
        setProblem(t("profile.invited.rowProblem"));
        return;
      }
      invited.push({ school: r.school.trim(), grade: r.grade as Invited["grade"], invited: count });
    }
    setProblem(null);
    save.mutate(invited);
  };
  return (
    <section aria-labelledby="profile-invited" className="profile-section">
      <Heading level={2} data-size="md" id="profile-invited">
        {t("profile.invited.heading")}
      </Heading>
      <Paragraph>{t("profile.invited.intro")}</Paragraph>
      {rows.length > 0 ? (
        <DataTable
          caption={t("profile.invited.caption")}
          hiddenCaption
          columns={[
            t("profile.invited.school"),
            t("profile.filters.grade"),
            t("profile.invited.count"),
            t("profile.invited.remove"),
          ]}
        >
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, in order
            <Table.Row key={i}>
              <Table.Cell>
                <Textfield
                  label={t("profile.invited.schoolN", { n: i + 1 })}
                  value={r.school}
                  onChange={(e) => set(i, { school: e.target.value })}
                />
              </Table.Cell>
              <Table.Cell>
                <label className="profile-value-row">
                  <span className="visually-hidden">
                    {t("profile.invited.gradeN", { n: i + 1 })}
                  </span>
                  <select
                    className="ds-input"
                    value={r.grade}
                    onChange={(e) => set(i, { grade: e.target.value })}
                  >
                    {GRADES.map((g) => (
                      <option key={g} value={g}>
                        {groupName(t, "grade", g)}
                      </option>
                    ))}
                  </select>
                </label>
              </Table.Cell>
              <Table.Cell>
                <Textfield
                  label={t("profile.invited.countN", { n: i + 1 })}
                  inputMode="numeric"
                  value={r.invited}
                  onChange={(e) => set(i, { invited: e.target.value })}
                />
              </Table.Cell>
              <Table.Cell>
                <Button variant="tertiary" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  {t("profile.invited.removeN", { n: i + 1 })}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      ) : null}
      {problem ? (
        <p role="alert" className="profile-error">
          {problem}
        </p>
      ) : null}
      {save.isError ? <Alert data-color="danger">{errorText(t, save.error)}</Alert> : null}
      {save.isSuccess ? (
        <p role="status" className="status-region">
          {t("profile.invited.saved")}
        </p>
      ) : null}
      <div className="button-row">
        <Button
          variant="secondary"
          onClick={() => setRows([...rows, { school: "", grade: "9", invited: "" }])}
        >
          {t("profile.invited.add")}
        </Button>
        <Button data-color="accent" onClick={submit} disabled={save.isPending}>
          {t("profile.invited.save")}
        </Button>
      </div>
    </section>
  );
}
