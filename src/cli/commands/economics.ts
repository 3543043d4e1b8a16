import { parseArgs } from "node:util";
import type { z } from "zod";
import {
  type EconomicsReport,
  evaluateEconomicsInput,
} from "../../domain/evaluation/economics-report.ts";
import { EconomicsEvaluateSchema } from "../../domain/evaluation/schemas.ts";
import { type CliCommand, EXIT } from "../io.ts";
import { InputError, readUtf8 } from "./input-file.ts";

const USAGE = `Usage: paraply economics FILE.json [--format json|text]

Evaluates costs and outcomes by Paraply's economic conventions (docs/evaluation.en.md):
present values, NPV, SROI ratio, break-even year, payback months and a sensitivity table.
Prints JSON (money as kronor text with two decimals) or, with --format text, a readable table.
`;

/** "outcomes[0].proxy.source", the JSON path a person can find in the file. */
function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    "",
  );
}

const issueText = (issue: z.core.$ZodIssue): string =>
  `${jsonPath(issue.path) || "(top level)"}: ${issue.message}`;

const table = (rows: string[][]): string[] => {
  const widths =
    rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  "),
  );
};

const orUndefined = (value: string | null, unit = ""): string =>
  value === null ? "not defined" : `${value}${unit}`;

export function renderEconomicsText(report: EconomicsReport): string {
  const breakEven =
    report.breakEvenYear === null
      ? "not within the horizon"
      : `year ${report.breakEvenYear}${
          report.breakEvenHoldsFromYear === report.breakEvenYear
            ? ""
            : `, holds from year ${report.breakEvenHoldsFromYear ?? "– (not at the horizon)"}`
        }`;
  const results: string[][] = [
    ["Present value of benefits", `${report.benefits.presentValue} kr`],
    ["Present value of costs", `${report.costs.presentValue} kr`],
    ["Net present value (NPV)", `${report.npv} kr`],
    ["SROI ratio (PV benefits / PV costs)", orUndefined(report.sroiRatio)],
    ...(report.costsSpanSeveralYears
      ? [
          [
            "SROI ratio, guide's variant (PV benefits / undiscounted costs)",
            orUndefined(report.sroiRatioUndiscountedCosts),
          ],
        ]
      : []),
    ["Net ratio (NPV / PV costs)", orUndefined(report.netRatio)],
    ["Total cost (undiscounted)", `${report.costs.total} kr`],
    ...(report.costs.budget === null
      ? []
      : [["Budget (undiscounted)", `${report.costs.budget} kr`]]),
    ["Cost per participant", orUndefined(report.costs.perParticipant, " kr")],
    ["Break-even", breakEven],
    ["Payback", orUndefined(report.paybackMonths, " months")],
  ];
  const lines = [
    `Economic evaluation: ${report.title}`,
    `Prices ${report.priceYear}, ${report.currency}; discount rate ${report.discountRate}; participants ${report.participants}; horizon year ${report.horizonYear}`,
    `Conventions: ${report.conventions}`,
    "",
    ...table([
      ["Year", "Costs", "Benefits", "PV costs", "PV benefits", "Cum. PV costs", "Cum. PV benefits"],
      ...report.years.map((y) => [
        String(y.year),
        y.costs,
        y.benefits,
        y.presentValueCosts,
        y.presentValueBenefits,
        y.cumulativePresentValueCosts,
        y.cumulativePresentValueBenefits,
      ]),
    ]),
    "",
    "Outcomes",
    ...report.outcomes.map(
      (o) =>
        `  ${o.name}: ${o.quantity} × ${o.proxy.amount} kr (${o.proxy.description}; ${o.proxy.source}, ` +
        `prices ${o.proxy.priceYear}), years ${o.startYear}–${o.startYear + o.duration - 1}; deadweight ` +
        `${o.deadweight}, displacement ${o.displacement}, attribution ${o.attribution}, drop-off ` +
        `${o.dropOff}; first-year impact ${o.firstYearImpact} kr, PV ${o.presentValue} kr, cost per ` +
        `outcome ${orUndefined(o.costPerOutcome, " kr")}`,
    ),
    "",
    ...table(results),
  ];
  if (report.sensitivity.rows.length > 0) {
    lines.push(
      "",
      "Sensitivity, one parameter at a time",
      ...table([
        ["Parameter", "Setting", "SROI ratio", "NPV", "Setting", "SROI ratio", "NPV"],
        ...report.sensitivity.rows.map((row) => [
          row.parameter,
          ...row.ends.flatMap((end) => [end.setting, orUndefined(end.sroiRatio), end.npv]),
        ]),
      ]),
    );
    const range = report.sensitivity.ratioRange;
    if (range) lines.push(`SROI ratio range: ${range.min} – ${range.max}`);
  }
  if (report.notes.length > 0)
    lines.push("", "Notes", ...report.notes.map((note) => `  - ${note}`));
  return `${lines.join("\n")}\n`;
}

export const economicsCommand: CliCommand = async (args, io) => {
  let format: string | undefined;
  let positionals: string[];
  let help: boolean | undefined;
  try {
    ({
      values: { format, help },
      positionals,
    } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    io.stderr(`paraply economics: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const [file, ...extra] = positionals;
  if (
    !file ||
    extra.length > 0 ||
    (format !== undefined && format !== "json" && format !== "text")
  ) {
    io.stderr(`paraply economics: give one FILE.json and --format json or text\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    let json: unknown;
    const text = await readUtf8(file);
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new InputError(file, [`not valid JSON: ${(error as Error).message}`]);
    }
    const input = EconomicsEvaluateSchema.safeParse(json);
    if (!input.success) throw new InputError(file, input.error.issues.map(issueText));
    const report = evaluateEconomicsInput(input.data);
    io.stdout(
      format === "text" ? renderEconomicsText(report) : `${JSON.stringify(report, null, 2)}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`${error.message}\n`);
    return EXIT.failure;
  }
};
