import { Button, Heading, Paragraph, Radio, Table, Textfield } from "@digdir/designsystemet-react";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { Comparison, Reference } from "../../../domain/profile/schemas.ts";
import { type ApiError, api } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { SelectField } from "../../components/forms.tsx";
import { Loading, PageTitle } from "../../components/page.tsx";
import { SelectionFilters, selectionLabel, useSelection } from "./filters.tsx";
import {
  API,
  errorText,
  formatP,
  formatPoints,
  formatShare,
  ProfileCrumbs,
  useLang,
  useProfile,
  useWave,
  useWaves,
  WaveNav,
} from "./shared.tsx";

const KINDS = ["municipality", "wave", "collaboration", "waves", "norm"] as const;
type Kind = (typeof KINDS)[number];

/**
 * Compare a wave (or a part of it) with a reference the analyst chooses or an earlier wave. Only
 * statistically meaningful differences are marked, with the test named.
 */
export function ProfileComparePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "" } = useParams();
  const wave = useWave(id);
  const waves = useWaves();
  const [selection, setSelection] = useSelection();
  const profile = useProfile(id, selection.groupSetId || undefined);
  const earlier = (waves.data ?? []).filter(
    (w) =>
      wave.data &&
      w.id !== id &&
      w.organisationId === wave.data.organisationId &&
      w.instrument.key === wave.data.instrument.key &&
      w.year < wave.data.year,
  );
  const others = (waves.data ?? []).filter(
    (w) => wave.data && w.organisationId !== wave.data.organisationId,
  );
  const [kind, setKind] = useState<Kind>("wave");
  const [earlierId, setEarlierId] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const [source, setSource] = useState("");
  const [norm, setNorm] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const compare = useMutation<Comparison, ApiError, Reference>({
    mutationFn: (reference) =>
      api<Comparison>("POST", `${API}/waves/${id}/compare`, {
        area: selection.area,
        grade: selection.grade,
        gender: selection.gender,
        reference,
      }),
  });
  const reference = (): Reference | string => {
    switch (kind) {
      case "municipality":
      case "collaboration":
        return { kind };
      case "wave": {
        const chosen = earlierId || earlier[0]?.id;
        return chosen ? { kind: "wave", waveId: chosen } : t("profile.compare.noEarlier");
      }
      case "waves":
        return picked.length ? { kind: "waves", waveIds: picked } : t("profile.compare.pickWaves");
      case "norm": {
        const figures = Object.entries(norm)
          .filter(([, v]) => v.trim() !== "")
          .map(([factor, v]) => ({ factor, percent: Number(v.replace(",", ".")) }));
        if (!source.trim()) return t("profile.compare.normSource");
        if (
          !figures.length ||
          figures.some((f) => !Number.isFinite(f.percent) || f.percent < 0 || f.percent > 100)
        )
          return t("profile.compare.normFigures");
        return { kind: "norm", source, figures };
      }
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ref = reference();
    if (typeof ref === "string") {
      setProblem(ref);
      return;
    }
    setProblem(null);
    compare.mutate(ref);
  };
  const factors = profile.data?.factors ?? [];
  const nameOf = (factor: string) => factors.find((f) => f.id === factor)?.name[lang] ?? factor;
  // The domain names its tests by a code; the catalogue has their names.
  const testName = (test: string) => t(`profile.tests.${test}`, { defaultValue: test });
  const title = t("profile.compare.title");
  return (
    <>
      <ProfileCrumbs wave={wave.data} />
      <PageTitle title={title}>{title}</PageTitle>
      <WaveNav waveId={id} />
      <Paragraph>{t("profile.compare.intro")}</Paragraph>
      {profile.isPending ? <Loading /> : null}
      {profile.data && wave.data ? (
        <SelectionFilters
          profile={profile.data}
          wave={wave.data}
          selection={selection}
          onChange={setSelection}
        />
      ) : null}
      <form onSubmit={submit} noValidate className="form-stack profile-section">
        <fieldset className="profile-value-map">
          <legend>{t("profile.compare.reference")}</legend>
          {KINDS.map((k) => (
            <Radio
              key={k}
              name="reference"
              value={k}
              label={t(`profile.compare.kinds.${k}`)}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setProblem(null);
              }}
            />
          ))}
        </fieldset>
        {kind === "wave" ? (
          earlier.length ? (
            <SelectField
              id="profile-earlier"
              label={t("profile.compare.earlierWave")}
              value={earlierId || earlier[0]?.id || ""}
              onChange={setEarlierId}
            >
              {earlier.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </SelectField>
          ) : (
            <Paragraph>{t("profile.compare.noEarlier")}</Paragraph>
          )
        ) : null}
        {kind === "waves" ? (
          <fieldset className="profile-value-map">
            <legend>{t("profile.compare.pickWaves")}</legend>
            {others.length === 0 ? <Paragraph>{t("profile.compare.noOthers")}</Paragraph> : null}
            {others.map((w) => (
              <label key={w.id} className="profile-value-row">
                <input
                  type="checkbox"
                  checked={picked.includes(w.id)}
                  onChange={(e) =>
                    setPicked(
                      e.target.checked ? [...picked, w.id] : picked.filter((x) => x !== w.id),
                    )
                  }
                />
                {`${w.organisationName}: ${w.name}`}
              </label>
            ))}
          </fieldset>
        ) : null}
        {kind === "norm" ? (
          <fieldset className="profile-value-map">
            <legend>{t("profile.compare.normLegend")}</legend>
            <Textfield
              id="profile-norm-source"
              label={t("profile.compare.source")}
              description={t("profile.compare.sourceHint")}
              value={source}
              onChange={(e) => setSource(e.target.value)}
            />
            {factors.map((f) => (
              <Textfield
                key={f.id}
                id={`profile-norm-${f.id}`}
                label={t("profile.compare.normFor", { factor: f.name[lang] })}
                inputMode="decimal"
                value={norm[f.id] ?? ""}
                onChange={(e) => setNorm({ ...norm, [f.id]: e.target.value })}
              />
            ))}
          </fieldset>
        ) : null}
        {problem ? (
          <p role="alert" className="profile-error">
            {problem}
          </p>
        ) : null}
        <div>
          <Button type="submit" data-color="accent" disabled={compare.isPending}>
            {t("profile.compare.submit")}
          </Button>
        </div>
      </form>
      {compare.isError ? (
        <p role="alert" className="profile-error">
          {errorText(t, compare.error)}
        </p>
      ) : null}
      {compare.data && profile.data ? (
        <section aria-labelledby="profile-compare-result" className="profile-section">
          <Heading level={2} data-size="md" id="profile-compare-result">
            {t("profile.compare.resultHeading", {
              group: selectionLabel(t, profile.data, selection),
              reference: compare.data.referenceLabel,
            })}
          </Heading>
          <Paragraph>
            {t("profile.compare.significantCount", {
              count: compare.data.rows.filter((r) => r.significant).length,
            })}
          </Paragraph>
          <DataTable
            caption={t("profile.compare.caption", { reference: compare.data.referenceLabel })}
            columns={[
              t("profile.factor"),
              t("profile.share"),
              t("profile.compare.referenceShare"),
              t("profile.compare.difference"),
              t("profile.compare.significant"),
              t("profile.compare.test"),
            ]}
          >
            {compare.data.rows.map((r) => (
              <Table.Row
                key={r.factor}
                className={r.significant ? "profile-significant" : undefined}
              >
                <Table.HeaderCell scope="row">{nameOf(r.factor)}</Table.HeaderCell>
                <Table.Cell>
                  {r.subject.suppressed
                    ? t("profile.suppressed.short")
                    : formatShare(r.subject.percent, lang)}
                </Table.Cell>
                <Table.Cell>
                  {r.reference.suppressed
                    ? t("profile.suppressed.short")
                    : formatShare(r.reference.percent, lang)}
                </Table.Cell>
                <Table.Cell>{formatPoints(r.differencePp, lang)}</Table.Cell>
                <Table.Cell>
                  {r.subject.suppressed || r.reference.suppressed
                    ? t("profile.compare.notCompared")
                    : r.significant
                      ? t("profile.compare.yes")
                      : t("profile.compare.no")}
                </Table.Cell>
                <Table.Cell>
                  {r.test
                    ? `${testName(r.test)}, p ${formatP(r.pValue, lang).startsWith("<") ? "" : "= "}${formatP(r.pValue, lang)}`
                    : "–"}
                </Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        </section>
      ) : null}
    </>
  );
}
