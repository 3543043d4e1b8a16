/** What a report is made of: plain data that each report builds and the kit lays out and tags. */

/** A stretch of text in one face. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** Plain text, or runs when part of it is bold or italic. */
export type Inline = string | readonly Run[];

export interface HeadingBlock {
  kind: "heading";
  /** 1 is the document title (once), 2 a section, 3 a subsection. */
  level: 1 | 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  kind: "paragraph";
  text: Inline;
  style?: "body" | "small" | "kicker";
  /** A lead-in ("Modellen har nio stadier:") stays on the page of what follows it. */
  keepWithNext?: boolean;
}

export interface ListBlock {
  kind: "list";
  items: readonly Inline[];
  /** Numbered 1., 2., … (steps, decisions) instead of bullets. */
  ordered?: boolean;
}

export interface TableColumn {
  title: string;
  /** Share of the table's width; the shares are scaled to fill it. */
  width: number;
  align?: "left" | "right";
}

export interface TableBlock {
  kind: "table";
  columns: readonly TableColumn[];
  rows: readonly (readonly Inline[])[];
  /** The first cell of each row names the row (a TH with row scope). */
  rowHeaders?: boolean;
  /** Without a header row: a list of facts whose first column names each row. */
  headerRow?: boolean;
  /** A totals row: drawn bold. */
  boldLastRow?: boolean;
  /** Fraction of the content width the table takes (default 1). */
  widthShare?: number;
}

/** A shaded box (summary) or a warning box; its title is a heading of the given level. */
export interface BoxBlock {
  kind: "box";
  tone: "info" | "warning";
  title?: string;
  titleLevel?: 2 | 3;
  paragraphs: readonly Inline[];
}

export interface Bar {
  label: string;
  /** null: no value (drawn as the missing text). */
  value: number | null;
  valueText: string;
  highlight?: boolean;
}

export interface Scale {
  min: number;
  max: number;
  /** Labelled ticks, e.g. 1…9. */
  ticks: readonly number[];
  label: string;
}

export interface BarChart {
  type: "bar";
  scale: Scale;
  bars: readonly Bar[];
  missingText: string;
  /** A dashed vertical reference line, e.g. the overall score. */
  reference?: { value: number; label: string };
}

export interface LineSeries {
  label: string;
  /** One value per category; null leaves a gap. */
  values: readonly (number | null)[];
}

export interface LineChart {
  type: "line";
  scale: Scale;
  categories: readonly string[];
  series: readonly LineSeries[];
  valueText: (value: number) => string;
}

/**
 * A chart: tagged as a Figure with its alternative text, then its caption, then the table that
 * holds the same numbers for anyone who cannot see the picture.
 */
export interface FigureBlock {
  kind: "figure";
  chart: BarChart | LineChart;
  alt: string;
  caption?: Inline;
  table: TableBlock;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | BoxBlock | FigureBlock;

/** The document and its board-paper facts. */
export interface ReportSpec {
  /** Title in the metadata, shown by viewers instead of the file name. */
  title: string;
  subject?: string;
  keywords?: readonly string[];
  /** The organisation the report is about or from, in the running header. */
  organisation: string;
  /** Diarienummer, in the running header when given. */
  reference?: string;
  author?: string;
  /** The report's date, in the footer. */
  date: Date;
  /** Short name of the report in the footer. */
  footerTitle: string;
  blocks: readonly Block[];
}
