import {
  Document,
  Font,
  G,
  Line,
  Page,
  Rect,
  renderToBuffer,
  StyleSheet,
  Svg,
  Text,
  View,
} from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Results } from "../../domain/readiness/api.ts";
import {
  DIMENSION_LETTERS,
  DIMENSIONS,
  type DimensionLetter,
} from "../../domain/readiness/dimensions.ts";
import { SECTOR_KEYS, SECTORS } from "../../domain/readiness/sectors.ts";
import { STAGE_NUMBERS, STAGES, type StageNumber } from "../../domain/readiness/stages.ts";

/**
 * The board report of one readiness assessment: a Swedish PDF for a municipal board or committee
 * (method, respondents by sector, scores and stage, goals and strategies, trend, agreement).
 * Built-in Helvetica only (WinAnsi covers å, ä, ö); no fonts or images are fetched.
 */

// The built-in hyphenation follows English patterns and splits Swedish words wrongly
// ("konsen-suspoängen"); Swedish text wraps on whole words instead. The callback is process-wide,
// and this report is react-pdf's only user.
Font.registerHyphenationCallback((word) => [word]);

type StageText = NonNullable<Results["stage"]>;
type DimensionResult = NonNullable<Results["dimensions"][DimensionLetter]>;

const INK = "#1a1a1a";
const MUTED = "#555f6b";
const ACCENT = "#1d3a5c";
const RULE = "#b8c1cc";
const SHADE = "#edf1f5";
const BAR = "#4d6f8f";
const BAR_LOW = "#b0562f";
const WARN_BG = "#fbf3e4";
const WARN_BORDER = "#c98a1b";

/** A4 is 841.89 pt high; the footer sits about 28 pt above the bottom edge. */
const FOOTER_TOP = 800;

const styles = StyleSheet.create({
  page: {
    fontFamily: "Helvetica",
    fontSize: 10,
    lineHeight: 1.4,
    color: INK,
    paddingTop: 56,
    paddingBottom: 64,
    paddingHorizontal: 56,
  },
  header: {
    position: "absolute",
    top: 24,
    left: 56,
    right: 56,
    fontSize: 8,
    color: MUTED,
    borderBottomWidth: 0.5,
    borderBottomColor: RULE,
    paddingBottom: 3,
  },
  // Anchored from the top: a `render` text anchored with `bottom` is not drawn by react-pdf 4.
  footerLeft: {
    position: "absolute",
    top: FOOTER_TOP,
    left: 56,
    right: 56,
    fontSize: 8,
    color: MUTED,
    borderTopWidth: 0.5,
    borderTopColor: RULE,
    paddingTop: 4,
  },
  footerRight: {
    position: "absolute",
    top: FOOTER_TOP,
    left: 300,
    right: 56,
    paddingTop: 4.5,
    fontSize: 8,
    color: MUTED,
    textAlign: "right",
  },
  kicker: { fontSize: 9, color: MUTED, marginBottom: 6 },
  title: {
    fontFamily: "Helvetica-Bold",
    fontSize: 20,
    lineHeight: 1.25,
    color: ACCENT,
    marginBottom: 12,
  },
  metaRow: { flexDirection: "row", marginBottom: 2 },
  metaLabel: { width: 130, color: MUTED },
  metaValue: { flex: 1 },
  titleBlock: {
    borderBottomWidth: 1.5,
    borderBottomColor: ACCENT,
    paddingBottom: 14,
    marginBottom: 16,
  },
  summary: { backgroundColor: SHADE, padding: 12, marginBottom: 8 },
  summaryTitle: { fontFamily: "Helvetica-Bold", fontSize: 11, color: ACCENT, marginBottom: 4 },
  h1: { fontFamily: "Helvetica-Bold", fontSize: 14, color: ACCENT, marginTop: 18, marginBottom: 6 },
  h2: { fontFamily: "Helvetica-Bold", fontSize: 11, color: INK, marginTop: 10, marginBottom: 3 },
  p: { marginBottom: 6 },
  small: { fontSize: 8.5, color: MUTED },
  bold: { fontFamily: "Helvetica-Bold" },
  italic: { fontFamily: "Helvetica-Oblique" },
  notice: {
    backgroundColor: WARN_BG,
    borderLeftWidth: 3,
    borderLeftColor: WARN_BORDER,
    padding: 8,
    marginVertical: 6,
  },
  bigScore: {
    fontFamily: "Helvetica-Bold",
    fontSize: 15,
    color: ACCENT,
    marginTop: 2,
    marginBottom: 4,
  },
  table: {
    borderTopWidth: 0.75,
    borderTopColor: INK,
    borderBottomWidth: 0.75,
    borderBottomColor: INK,
    marginVertical: 6,
  },
  tr: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: RULE },
  trLast: { flexDirection: "row" },
  th: { fontFamily: "Helvetica-Bold", fontSize: 9, paddingVertical: 4, paddingHorizontal: 4 },
  td: { fontSize: 9.5, paddingVertical: 3.5, paddingHorizontal: 4 },
  num: { textAlign: "right" },
  bullet: { flexDirection: "row", marginBottom: 2, paddingLeft: 6 },
  bulletMark: { width: 10 },
  bulletText: { flex: 1 },
  strategyBlock: { marginBottom: 8 },
});

// ---- formatting ---------------------------------------------------------------------------

const twoDecimals = new Intl.NumberFormat("sv-SE", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const oneDecimal = new Intl.NumberFormat("sv-SE", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const longDate = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" });
const stamp = new Intl.DateTimeFormat("sv-SE", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Stockholm",
});

/** Swedish decimal comma; Intl's minus sign (U+2212) is outside WinAnsi, so use a hyphen. */
const score2 = (value: number) => twoDecimals.format(value).replace("\u2212", "-");
const percent = (value: number) => `${oneDecimal.format(value)}\u00a0%`;
const isoDate = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`));
const period = (a: Results["assessment"]) => `${isoDate(a.periodStart)} – ${isoDate(a.periodEnd)}`;
const shortPeriod = (a: Results["assessment"]) => `${a.periodStart} – ${a.periodEnd}`;
const dimensionLabel = (letter: DimensionLetter) => `${letter} ${DIMENSIONS[letter].name.sv}`;
const stageLabel = (stage: { stage: number; name: { sv: string } }) =>
  `${stage.stage} – ${stage.name.sv}`;

/** "A, B och C" */
function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

function isStageNumber(n: number): n is StageNumber {
  return (STAGE_NUMBERS as readonly number[]).includes(n);
}

/**
 * The results carry one provenance for goal and strategies together; the domain texts tell which
 * of the two is the product's own summary, so the mark lands on the right part.
 */
function summaryMarks(text: StageText): { goal: boolean; strategies: boolean } {
  if (text.provenance !== "handbook_summary") return { goal: false, strategies: false };
  const domain = isStageNumber(text.stage) ? STAGES[text.stage] : undefined;
  const goal = domain?.goal.provenance === "handbook_summary";
  const strategies = domain?.strategies.provenance === "handbook_summary";
  return goal || strategies ? { goal, strategies } : { goal: true, strategies: true };
}

// ---- small building blocks --------------------------------------------------------------

function Heading({ children }: { children: ReactNode }) {
  return (
    <Text style={styles.h1} minPresenceAhead={80}>
      {children}
    </Text>
  );
}

function SubHeading({ children }: { children: ReactNode }) {
  return (
    <Text style={styles.h2} minPresenceAhead={40}>
      {children}
    </Text>
  );
}

function Bullet({ children }: { children: ReactNode }) {
  return (
    <View style={styles.bullet} wrap={false}>
      <Text style={styles.bulletMark}>•</Text>
      <Text style={styles.bulletText}>{children}</Text>
    </View>
  );
}

interface Column {
  title: string;
  width: number | string;
  align?: "left" | "right";
}

function Table({
  columns,
  rows,
  boldLast,
  breakable,
}: {
  columns: Column[];
  rows: string[][];
  boldLast?: boolean;
  /** Short tables stay on one page; a long one may break between rows. */
  breakable?: boolean;
}) {
  const width = columns.reduce(
    (sum, column) => sum + (typeof column.width === "number" ? column.width : 0),
    0,
  );
  const cell = (column: Column) => ({
    width: column.width,
    ...(column.align === "right" ? styles.num : {}),
  });
  return (
    <View style={[styles.table, { width }]} wrap={Boolean(breakable)}>
      <View style={[styles.tr, { borderBottomColor: INK }]} wrap={false}>
        {columns.map((column) => (
          <Text key={column.title} style={[styles.th, cell(column)]}>
            {column.title}
          </Text>
        ))}
      </View>
      {rows.map((row, index) => {
        const last = index === rows.length - 1;
        return (
          <View key={row.join("|")} style={last ? styles.trLast : styles.tr} wrap={false}>
            {row.map((value, column) => {
              const spec = columns[column] ?? { title: "", width: "auto" };
              return (
                <Text
                  key={spec.title}
                  style={[styles.td, cell(spec), boldLast && last ? styles.bold : {}]}
                >
                  {value}
                </Text>
              );
            })}
          </View>
        );
      })}
    </View>
  );
}

// ---- chart ---------------------------------------------------------------------------------

const CHART_WIDTH = 483;
const LABEL_WIDTH = 150;
const PLOT_LEFT = LABEL_WIDTH + 4;
const PLOT_RIGHT = CHART_WIDTH - 6;
const ROW = 22;
const TOP = 20;

/** Scores 1–9.99 on a 1–10 axis so that each of the nine stages is one band of equal width. */
const xOf = (score: number) =>
  PLOT_LEFT + ((Math.min(Math.max(score, 1), 10) - 1) / 9) * (PLOT_RIGHT - PLOT_LEFT);

/** Text inside Svg takes font size as a presentation attribute that the typings do not list. */
function svgFont(size: number, bold = false): Record<string, unknown> {
  return { fontSize: size, fontFamily: bold ? "Helvetica-Bold" : "Helvetica" };
}

function DimensionChart({ results }: { results: Results }) {
  const height = TOP + DIMENSION_LETTERS.length * ROW + 18;
  const plotBottom = TOP + DIMENSION_LETTERS.length * ROW;
  const lowest = new Set(results.lowest);
  const overall = results.complete ? results.score : null;
  return (
    <Svg width={CHART_WIDTH} height={height} viewBox={`0 0 ${CHART_WIDTH} ${height}`}>
      {STAGE_NUMBERS.map((stage) => (
        <Rect
          key={`band-${stage}`}
          x={xOf(stage)}
          y={TOP - 14}
          width={xOf(stage + 1) - xOf(stage)}
          height={plotBottom - TOP + 14}
          fill={stage % 2 === 1 ? SHADE : "#ffffff"}
        />
      ))}
      {STAGE_NUMBERS.map((stage) => (
        <Text
          key={`band-label-${stage}`}
          x={(xOf(stage) + xOf(stage + 1)) / 2}
          y={TOP - 4}
          textAnchor="middle"
          fill={MUTED}
          {...svgFont(7.5, true)}
        >
          {String(stage)}
        </Text>
      ))}
      <Text x={PLOT_LEFT - 6} y={TOP - 4} textAnchor="end" fill={MUTED} {...svgFont(7.5)}>
        Stadium
      </Text>
      {[...STAGE_NUMBERS, 10].map((tick) => (
        <Line
          key={`tick-${tick}`}
          x1={xOf(tick)}
          x2={xOf(tick)}
          y1={TOP - 14}
          y2={plotBottom + 3}
          stroke={RULE}
          strokeWidth={0.5}
        />
      ))}
      {[...STAGE_NUMBERS, 10].map((tick) => (
        <Text
          key={`tick-label-${tick}`}
          x={xOf(tick)}
          y={plotBottom + 12}
          textAnchor="middle"
          fill={MUTED}
          {...svgFont(7)}
        >
          {String(tick)}
        </Text>
      ))}
      <Line
        x1={PLOT_LEFT}
        x2={PLOT_RIGHT}
        y1={plotBottom}
        y2={plotBottom}
        stroke={MUTED}
        strokeWidth={0.75}
      />
      {DIMENSION_LETTERS.map((letter, index) => {
        const y = TOP + index * ROW;
        const result: DimensionResult | undefined = results.dimensions[letter];
        const low = results.complete && lowest.has(letter);
        return (
          <G key={`row-${letter}`}>
            <Text x={0} y={y + ROW / 2 + 3} fill={INK} {...svgFont(8.5, low)}>
              {`${letter}  ${DIMENSIONS[letter].name.sv}`}
            </Text>
            {result ? (
              <Rect
                x={PLOT_LEFT}
                y={y + 5}
                width={Math.max(xOf(result.score) - PLOT_LEFT, 0.5)}
                height={ROW - 10}
                fill={low ? BAR_LOW : BAR}
              />
            ) : null}
            <Text
              x={result ? xOf(result.score) + 4 : PLOT_LEFT + 4}
              y={y + ROW / 2 + 3}
              fill={result ? INK : BAR_LOW}
              {...svgFont(8, Boolean(result))}
            >
              {result ? score2(result.score) : "saknar konsensus"}
            </Text>
          </G>
        );
      })}
      {overall !== null ? (
        <Line
          x1={xOf(overall)}
          x2={xOf(overall)}
          y1={TOP - 2}
          y2={plotBottom}
          stroke={ACCENT}
          strokeWidth={1.25}
          strokeDasharray="3,2"
        />
      ) : null}
    </Svg>
  );
}

// ---- sections ------------------------------------------------------------------------------

function TitleBlock({ results, generatedAt }: { results: Results; generatedAt: Date }) {
  const a = results.assessment;
  return (
    <View style={styles.titleBlock}>
      <Text style={styles.kicker}>Underlag till kommunstyrelse eller nämnd</Text>
      <Text style={styles.title}>
        Beredskapsmätning: {a.topicName.sv} i {a.organisationName}
      </Text>
      <View style={styles.metaRow}>
        <Text style={styles.metaLabel}>Ämne</Text>
        <Text style={styles.metaValue}>{a.topicName.sv}</Text>
      </View>
      <View style={styles.metaRow}>
        <Text style={styles.metaLabel}>Lokalsamhälle</Text>
        <Text style={styles.metaValue}>{a.organisationName}</Text>
      </View>
      <View style={styles.metaRow}>
        <Text style={styles.metaLabel}>Mätperiod</Text>
        <Text style={styles.metaValue}>{period(a)}</Text>
      </View>
      <View style={styles.metaRow}>
        <Text style={styles.metaLabel}>Rapporten skapad</Text>
        <Text style={styles.metaValue}>{stamp.format(generatedAt)}</Text>
      </View>
      <View style={styles.metaRow}>
        <Text style={styles.metaLabel}>Metod</Text>
        <Text style={styles.metaValue}>
          Community Readiness Model (Tri-Ethnic Center, Colorado State University)
        </Text>
      </View>
    </View>
  );
}

function Summary({ results }: { results: Results }) {
  const a = results.assessment;
  if (!results.complete || results.stage === null || results.score === null) {
    return (
      <View style={styles.summary} wrap={false}>
        <Text style={styles.summaryTitle}>Sammanfattning</Text>
        <Text>
          Mätningen är inte färdig: konsensus saknas för{" "}
          {results.missing.length === 1 ? "dimensionen" : "dimensionerna"}{" "}
          {joinSv(results.missing.map(dimensionLabel))}. Inget beredskapsstadium redovisas förrän
          alla sex dimensioner har minst en konsensuspoäng.
        </Text>
      </View>
    );
  }
  return (
    <View style={styles.summary} wrap={false}>
      <Text style={styles.summaryTitle}>Sammanfattning</Text>
      <Text style={styles.p}>
        Beredskapen för arbete med {a.topicName.sv} i {a.organisationName} motsvarar{" "}
        <Text style={styles.bold}>
          stadium {results.stage.stage}, {results.stage.name.sv}
        </Text>{" "}
        (totalpoäng {score2(results.score)} på skalan 1–9). {results.stage.description.sv}
      </Text>
      {results.lowest.length > 0 ? (
        <Text>
          Lägst ligger {joinSv(results.lowest.map(dimensionLabel))}. Där bör insatserna börja,
          eftersom de lägsta dimensionerna begränsar hur långt arbetet kan komma.
        </Text>
      ) : null}
    </View>
  );
}

function MethodSection() {
  return (
    <View>
      <Heading>1. Om metoden</Heading>
      <Text style={styles.p}>
        Mätningen följer Community Readiness Model, som har tagits fram av Tri-Ethnic Center for
        Prevention Research vid Colorado State University (Community Readiness Handbook, 2:a
        upplagan 2014). Modellen mäter hur redo ett lokalsamhälle är att arbeta med en bestämd
        fråga. Resultatet gäller bara den fråga och det lokalsamhälle som har mätts.
      </Text>
      <Text style={styles.p}>
        Underlaget är intervjuer med nyckelpersoner som känner lokalsamhället och frågan, från olika
        sektorer. De intervjuas om lokalsamhället, inte om sig själva, och redovisas anonymt.
        Intervjuerna bedöms i sex dimensioner:
      </Text>
      {DIMENSION_LETTERS.map((letter) => (
        <Bullet key={letter}>
          <Text style={styles.bold}>{dimensionLabel(letter)}</Text> –{" "}
          {DIMENSIONS[letter].question.sv}
        </Bullet>
      ))}
      <Text style={[styles.p, { marginTop: 6 }]}>
        Två bedömare läser varje intervju och sätter var för sig en poäng från 1 till 9 per
        dimension utifrån modellens förankrade skalor. Därefter enas de om en konsensuspoäng. En
        dimensions poäng är medelvärdet av konsensuspoängen över alla intervjuer, och totalpoängen
        är medelvärdet av de sex dimensionerna.
      </Text>
      <Text style={styles.p}>
        Stadiet är totalpoängens heltalsdel; poängen avrundas aldrig uppåt (4,83 ger stadium 4),
        eftersom ett stadium inte är nått förrän det är helt nått. Samma regel ger varje dimensions
        eget stadium. Modellen har nio stadier:
      </Text>
      <Table
        columns={[
          { title: "Stadium", width: 50, align: "right" },
          { title: "Namn", width: 130 },
          { title: "Kännetecken", width: 303 },
        ]}
        rows={STAGE_NUMBERS.map((n) => [String(n), STAGES[n].name.sv, STAGES[n].description.sv])}
      />
    </View>
  );
}

function RespondentsSection({ results }: { results: Results }) {
  const a = results.assessment;
  const counts = new Map(results.respondentsBySector.map((row) => [row.sector, row.count]));
  const rows = SECTOR_KEYS.filter((key) => (counts.get(key) ?? 0) > 0).map((key) => [
    SECTORS[key].sv,
    String(counts.get(key) ?? 0),
  ]);
  const total = results.respondentsBySector.reduce((sum, row) => sum + row.count, 0);
  return (
    <View>
      <Heading>2. Respondenter</Heading>
      <Text style={styles.p}>
        Antal genomförda intervjuer: <Text style={styles.bold}>{a.interviewCount}</Text> (mål för
        mätningen: {a.targetInterviews}). {results.interviewNotice.guidance.sv}
      </Text>
      {results.interviewNotice.warning ? (
        <View style={styles.notice} wrap={false}>
          <Text>
            <Text style={styles.bold}>Observera: </Text>
            {results.interviewNotice.warning.sv}
          </Text>
        </View>
      ) : null}
      {a.interviewCount < a.targetInterviews && !results.interviewNotice.warning ? (
        <Text style={styles.p}>Färre intervjuer än målet har genomförts.</Text>
      ) : null}
      <Text style={styles.p}>Respondenterna är anonyma och redovisas endast per sektor.</Text>
      {rows.length > 0 ? (
        <Table
          columns={[
            { title: "Sektor", width: 220 },
            { title: "Antal respondenter", width: 110, align: "right" },
          ]}
          rows={[...rows, ["Totalt", String(total)]]}
          boldLast
        />
      ) : (
        <Text style={styles.p}>Inga respondenter är registrerade.</Text>
      )}
    </View>
  );
}

function ResultsSection({ results }: { results: Results }) {
  const complete = results.complete && results.stage !== null && results.score !== null;
  const lowest = new Set(results.lowest);
  const rows = DIMENSION_LETTERS.map((letter) => {
    const d = results.dimensions[letter];
    const stage = results.dimensionStages[letter];
    const base = [
      letter,
      DIMENSIONS[letter].name.sv,
      d ? score2(d.score) : "saknas",
      d ? String(d.interviews) : "0",
    ];
    if (!complete) return base;
    return [...base, d && stage ? stageLabel(stage) : d ? String(d.stage) : "–"];
  });
  const columns: Column[] = complete
    ? [
        { title: "", width: 22 },
        { title: "Dimension", width: 185 },
        { title: "Poäng", width: 50, align: "right" },
        { title: "Intervjuer", width: 62, align: "right" },
        { title: "Stadium", width: 164 },
      ]
    : [
        { title: "", width: 22 },
        { title: "Dimension", width: 220 },
        { title: "Poäng (preliminär)", width: 110, align: "right" },
        { title: "Intervjuer", width: 70, align: "right" },
      ];
  return (
    <View>
      <Heading>3. Resultat</Heading>
      {complete && results.stage && results.score !== null ? (
        <View wrap={false}>
          <Text style={styles.bigScore}>
            Stadium {results.stage.stage}: {results.stage.name.sv}
          </Text>
          <Text style={styles.p}>
            Totalpoäng <Text style={styles.bold}>{score2(results.score)}</Text> av 9.{" "}
            {results.stage.description.sv}
          </Text>
        </View>
      ) : (
        <View style={styles.notice} wrap={false}>
          <Text style={styles.bold}>Resultatet är inte komplett – inget stadium redovisas.</Text>
          <Text>
            Konsensus saknas för {results.missing.length === 1 ? "dimensionen" : "dimensionerna"}{" "}
            {joinSv(results.missing.map(dimensionLabel))}. Stadium beräknas först när varje
            dimension har minst en konsensuspoäng. Poängen nedan är preliminära.
          </Text>
          {results.message ? <Text style={{ marginTop: 3 }}>{results.message}</Text> : null}
        </View>
      )}
      <SubHeading>Poäng per dimension</SubHeading>
      <Table columns={columns} rows={rows} />
      <View wrap={false}>
        <SubHeading>Diagram</SubHeading>
        <DimensionChart results={results} />
        <Text style={styles.small}>
          Staplarna visar poängen per dimension på skalan 1–9. De skuggade fälten är de nio
          stadierna; ett stadium är nått först när stapeln når fältets vänsterkant.
          {complete
            ? " Den streckade linjen är totalpoängen. Rödbruna staplar är de lägsta dimensionerna."
            : ""}
        </Text>
      </View>
      {complete && results.lowest.length > 0 ? (
        <View wrap={false}>
          <SubHeading>Lägsta dimensioner</SubHeading>
          {results.lowest.map((letter) => {
            const d = results.dimensions[letter];
            const stage = results.dimensionStages[letter];
            return (
              <Bullet key={letter}>
                <Text style={styles.bold}>{dimensionLabel(letter)}</Text>
                {d ? `: ${score2(d.score)}` : ""}
                {stage ? `, stadium ${stageLabel(stage)}` : ""}
              </Bullet>
            );
          })}
          <Text style={[styles.p, { marginTop: 4 }]}>
            {lowest.size === 1
              ? "Den lägsta dimensionen begränsar"
              : "De lägsta dimensionerna begränsar"}{" "}
            hur långt arbetet kan komma och bör prioriteras. Strategierna för dem väljs efter
            dimensionens eget stadium (avsnitt 4).
          </Text>
        </View>
      ) : null}
    </View>
  );
}

function StageStrategies({ title, text }: { title: string; text: StageText }) {
  const marks = summaryMarks(text);
  const mark = <Text style={styles.italic}> (sammanfattning av handboken)</Text>;
  return (
    <View style={styles.strategyBlock} wrap={false}>
      <SubHeading>{title}</SubHeading>
      <View>
        <Text style={styles.p}>
          <Text style={styles.bold}>Mål: </Text>
          {text.goal.sv}
          {marks.goal ? mark : null}
        </Text>
        <Text style={{ marginBottom: 2 }}>
          <Text style={styles.bold}>Exempel på strategier</Text>
          {marks.strategies ? mark : null}
        </Text>
      </View>
      {text.strategies.map((strategy) => (
        <Bullet key={strategy.sv}>{strategy.sv}</Bullet>
      ))}
    </View>
  );
}

function StrategiesSection({ results }: { results: Results }) {
  if (!results.complete || results.stage === null) {
    return (
      <View>
        <Heading>4. Mål och strategier</Heading>
        <Text style={styles.p}>
          Mål och strategier redovisas när alla sex dimensioner har konsensus och ett stadium kan
          fastställas.
        </Text>
      </View>
    );
  }
  const overall = results.stage;
  // Lowest dimensions grouped by their own stage, so that shared strategies are listed once.
  const groups = new Map<number, { text: StageText; letters: DimensionLetter[] }>();
  for (const letter of results.lowest) {
    const text = results.dimensionStages[letter];
    if (!text) continue;
    const group = groups.get(text.stage) ?? { text, letters: [] };
    group.letters.push(letter);
    groups.set(text.stage, group);
  }
  const anySummary = [overall, ...[...groups.values()].map((g) => g.text)].some(
    (t) => t.provenance === "handbook_summary",
  );
  return (
    <View>
      <Heading>4. Mål och strategier</Heading>
      <Text style={styles.p}>
        Modellen anger mål och strategier för varje stadium. De väljs för lokalsamhällets stadium
        som helhet och för de lägsta dimensionernas egna stadier, eftersom insatserna bör börja där
        beredskapen är lägst.
      </Text>
      <StageStrategies
        title={`Lokalsamhället som helhet – stadium ${stageLabel(overall)}`}
        text={overall}
      />
      {[...groups.values()]
        .sort((x, y) => x.text.stage - y.text.stage)
        .map(({ text, letters }) => {
          const names = joinSv(letters.map(dimensionLabel));
          const title = `${letters.length === 1 ? "Lägsta dimension" : "Lägsta dimensioner"}: ${names} – stadium ${stageLabel(text)}`;
          if (text.stage === overall.stage) {
            return (
              <View key={text.stage}>
                <SubHeading>{title}</SubHeading>
                <Text style={styles.p}>
                  Samma stadium som helheten; se mål och strategier ovan.
                </Text>
              </View>
            );
          }
          return <StageStrategies key={text.stage} title={title} text={text} />;
        })}
      {anySummary ? (
        <Text style={[styles.small, { marginTop: 4 }]}>
          Texter markerade ”sammanfattning av handboken” är Paraplys egen sammanfattning av
          handbokens innehåll och har ännu inte stämts av ordagrant mot källan.
        </Text>
      ) : null}
    </View>
  );
}

function TrendSection({ results, trend }: { results: Results; trend: Results[] }) {
  const byId = new Map<string, Results>();
  for (const r of [...trend, results]) {
    if (r.complete && r.score !== null) byId.set(r.assessment.id, r);
  }
  const series = [...byId.values()].sort((x, y) =>
    x.assessment.periodStart === y.assessment.periodStart
      ? x.assessment.periodEnd.localeCompare(y.assessment.periodEnd)
      : x.assessment.periodStart.localeCompare(y.assessment.periodStart),
  );
  return (
    <View>
      <Heading>5. Jämförelse över tid</Heading>
      {series.length > 1 ? (
        <View>
          <Text style={styles.p}>
            Kompletta mätningar för samma ämne och lokalsamhälle, äldst först. Poäng per dimension,
            totalpoäng och stadium.
          </Text>
          <Table
            columns={[
              { title: "Period", width: 120 },
              ...DIMENSION_LETTERS.map(
                (letter): Column => ({ title: letter, width: 34, align: "right" }),
              ),
              { title: "Totalt", width: 42, align: "right" },
              { title: "Stadium", width: 117 },
            ]}
            breakable={series.length > 12}
            rows={series.map((r) => [
              shortPeriod(r.assessment),
              ...DIMENSION_LETTERS.map((letter) => {
                const d = r.dimensions[letter];
                return d ? score2(d.score) : "–";
              }),
              r.score === null ? "–" : score2(r.score),
              r.stage
                ? stageLabel(r.stage)
                : r.assessment.stage !== null
                  ? String(r.assessment.stage)
                  : "–",
            ])}
          />
          <Text style={styles.small}>
            Dimensioner:{" "}
            {DIMENSION_LETTERS.map((letter) => `${letter} ${DIMENSIONS[letter].name.sv}`).join(
              "; ",
            )}
            .
          </Text>
        </View>
      ) : (
        <Text style={styles.p}>
          Det finns ingen tidigare komplett mätning för samma ämne och lokalsamhälle att jämföra
          med. En ny mätning om ett eller två år visar hur beredskapen utvecklas.
        </Text>
      )}
    </View>
  );
}

function AgreementSection({ results }: { results: Results }) {
  const agreement = results.agreement;
  const rows: string[][] = [];
  if (agreement && agreement.pairs > 0) {
    rows.push(["Jämförda bedömningar (intervju × dimension)", String(agreement.pairs)]);
    if (agreement.exactAgreement !== null)
      rows.push(["Samma poäng", percent(agreement.exactAgreement)]);
    if (agreement.withinOnePoint !== null)
      rows.push(["Högst en poäng isär", percent(agreement.withinOnePoint)]);
    if (agreement.meanAbsoluteDifference !== null)
      rows.push(["Genomsnittlig skillnad", `${score2(agreement.meanAbsoluteDifference)} poäng`]);
  }
  return (
    <View wrap={false}>
      <Heading>6. Samstämmighet mellan bedömare</Heading>
      {rows.length > 0 ? (
        <View>
          <Text style={styles.p}>
            Hur väl de två bedömarnas oberoende poäng stämde överens innan de enades om
            konsensuspoäng. Hög samstämmighet stärker tilltron till resultatet; skillnaderna har
            lösts i konsensus.
          </Text>
          <Table
            columns={[
              { title: "Mått", width: 260 },
              { title: "Värde", width: 90, align: "right" },
            ]}
            rows={rows}
          />
        </View>
      ) : (
        <Text style={styles.p}>
          Uppgifter om samstämmighet mellan bedömarna finns inte för den här mätningen.
        </Text>
      )}
    </View>
  );
}

function ReadinessReport({
  results,
  trend,
  generatedAt,
}: {
  results: Results;
  trend: Results[];
  generatedAt: Date;
}) {
  const a = results.assessment;
  const running = `Beredskapsmätning: ${a.topicName.sv} i ${a.organisationName}`;
  return (
    <Document
      title={running}
      author="Paraply"
      subject="Community Readiness Model – rapport"
      language="sv-SE"
      creator="Paraply"
      producer="Paraply"
    >
      <Page size="A4" style={styles.page}>
        <Text
          style={styles.header}
          fixed
          render={({ pageNumber }) => (pageNumber > 1 ? running : "")}
        />
        <Text style={styles.footerLeft} fixed>
          {a.organisationName} · {shortPeriod(a)}
        </Text>
        <Text
          style={styles.footerRight}
          fixed
          render={({ pageNumber, totalPages }) => `Sida ${pageNumber} av ${totalPages}`}
        />
        <TitleBlock results={results} generatedAt={generatedAt} />
        <Summary results={results} />
        <MethodSection />
        <RespondentsSection results={results} />
        <ResultsSection results={results} />
        <StrategiesSection results={results} />
        <TrendSection results={results} trend={trend} />
        <AgreementSection results={results} />
      </Page>
    </Document>
  );
}

export async function renderReadinessReportPdf(input: {
  results: Results;
  trend: Results[];
  generatedAt: Date;
}): Promise<Buffer> {
  return renderToBuffer(
    <ReadinessReport results={input.results} trend={input.trend} generatedAt={input.generatedAt} />,
  );
}
