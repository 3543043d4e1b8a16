import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * Look of every Paraply report: A4 portrait, one typeface (Inter, SIL Open Font License, shipped
 * in the npm package `@expo-google-fonts/inter` as TTF so that PDFKit can embed a subset; it has
 * å, ä, ö, en dash, ellipsis and the minus sign). Nothing is fetched at run time.
 */

const fontDir = dirname(
  createRequire(import.meta.url).resolve("@expo-google-fonts/inter/package.json"),
);

export const FONT_FILES = {
  regular: join(fontDir, "400Regular", "Inter_400Regular.ttf"),
  italic: join(fontDir, "400Regular_Italic", "Inter_400Regular_Italic.ttf"),
  semibold: join(fontDir, "600SemiBold", "Inter_600SemiBold.ttf"),
  bold: join(fontDir, "700Bold", "Inter_700Bold.ttf"),
} as const;

export type FontName = keyof typeof FONT_FILES;

export const COLOURS = {
  ink: "#1a1a1a",
  muted: "#4f5964",
  accent: "#1d3a5c",
  rule: "#b8c1cc",
  shade: "#edf1f5",
  bar: "#4d6f8f",
  barHighlight: "#a34f2a",
  warnBackground: "#fbf3e4",
  warnBorder: "#c98a1b",
  series: ["#1d3a5c", "#a34f2a", "#4d7f3a", "#7a4d8f", "#8f7a2a", "#2a7a8f"],
} as const;

/** A4 in points. Header and footer sit outside the content frame. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  left: 56,
  right: 56,
  contentTop: 70,
  contentBottom: 841.89 - 62,
  headerY: 30,
  footerY: 841.89 - 44,
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export interface TextStyle {
  font: FontName;
  size: number;
  /** Line height in points. */
  leading: number;
  colour: string;
}

export const TEXT = {
  body: { font: "regular", size: 10, leading: 14, colour: COLOURS.ink },
  small: { font: "regular", size: 8.5, leading: 12, colour: COLOURS.muted },
  kicker: { font: "regular", size: 9, leading: 13, colour: COLOURS.muted },
  h1: { font: "bold", size: 19, leading: 24, colour: COLOURS.accent },
  h2: { font: "bold", size: 13.5, leading: 18, colour: COLOURS.accent },
  h3: { font: "semibold", size: 11, leading: 15, colour: COLOURS.ink },
  cell: { font: "regular", size: 9, leading: 12, colour: COLOURS.ink },
  headerCell: { font: "semibold", size: 8.5, leading: 11.5, colour: COLOURS.ink },
  furniture: { font: "regular", size: 8, leading: 10, colour: COLOURS.muted },
} as const satisfies Record<string, TextStyle>;

/** Space above a block of each kind, dropped at the top of a page. */
export const SPACE = {
  h1: 4,
  h2: 18,
  h3: 10,
  paragraph: 6,
  list: 4,
  item: 2,
  table: 8,
  figure: 10,
  box: 10,
} as const;
