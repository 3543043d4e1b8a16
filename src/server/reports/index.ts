/**
 * # Report kit: board-ready, accessible PDF reports in Swedish
 *
 * Every Paraply report (readiness today; profile, plan, SIP and evaluation next) is built the same
 * way: the report's own module turns its data into a `ReportSpec` (plain data: headings,
 * paragraphs, lists, tables, boxes, figures) and calls `renderReport`, which lays it out on A4 and
 * writes a tagged PDF. A report module never calls PDFKit itself.
 *
 * What the kit guarantees, so a report does not have to:
 * - **Accessible PDF:** a structure tree in reading order (Document > H1/H2/H3, P, L > LI > Lbl +
 *   LBody with bullets or numbers, Table > TR > TH/TD with Scope, Figure with /Alt), /Lang sv-SE,
 *   the title in the metadata with DisplayDocTitle, the PDF/UA identifier, and everything that is
 *   not content (rules, shading, header, footer, repeated table headers) marked as artifacts.
 * - **Fonts:** Inter embedded as subsets (no standard-14 font); å, ä, ö, –, … and − all render.
 * - **Page furniture:** organisation name and diarienummer at the top, the report's short title,
 *   its date and "Sida x av y" at the bottom of every page.
 * - **Page breaks** (`paginate.ts`, pure and tested alone): headings and lead-ins
 *   (`keepWithNext`) never end a page, paragraphs keep two lines together at each end, tables
 *   break between rows and repeat their header row, at least two rows stay together at each end.
 * - **Charts** (`charts.ts`): bars on a labelled scale (e.g. 1–9) and lines with direct labels,
 *   drawn as vectors, each a Figure with alternative text and followed by a table of its numbers.
 * - **Swedish formats** (`format.ts`): one date style ("30 november 2026"), decimal comma, and a
 *   safe file name with an RFC 5987 `filename*` for the Content-Disposition header.
 *
 * Adding a report: write `src/server/<context>/report.ts` that maps the data to blocks (keep the
 * wording there), render it with `renderReport`, and serve it with `contentDisposition(
 * reportFileName([...], date))`. Test it like `readiness/report-pdf.test.ts`, reading the tags back
 * with `readTaggedPdf` from `./read-tagged.ts`.
 */

export type {
  Bar,
  BarChart,
  Block,
  BoxBlock,
  FigureBlock,
  HeadingBlock,
  Inline,
  LineChart,
  LineSeries,
  ListBlock,
  ParagraphBlock,
  ReportSpec,
  Run,
  Scale,
  TableBlock,
  TableColumn,
} from "./blocks.ts";
export {
  contentDisposition,
  isoDate,
  reportFileName,
  slug,
  svDate,
  svDateTime,
  svList,
  svNumber,
  svPercent,
  svPeriod,
} from "./format.ts";
export { type RenderedReport, renderReport } from "./render.ts";
