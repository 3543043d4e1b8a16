import type { Inline, Run } from "./blocks.ts";
import type { FontName, TextStyle } from "./theme.ts";

/** What the line breaker needs from the PDF document: the advance width of a string. */
export interface Measurer {
  width(text: string, font: FontName, size: number): number;
}

export interface Segment {
  text: string;
  font: FontName;
}

export interface Line {
  segments: Segment[];
  width: number;
}

export function runsOf(inline: Inline): readonly Run[] {
  return typeof inline === "string" ? [{ text: inline }] : inline;
}

export function plainText(inline: Inline): string {
  return runsOf(inline)
    .map((run) => run.text)
    .join("");
}

function fontOf(run: Run, base: FontName): FontName {
  if (run.bold) return "bold";
  if (run.italic) return "italic";
  return base;
}

/**
 * Greedy line breaking on spaces, keeping each run's face. Swedish text wraps on whole words (no
 * hyphenation: English patterns split Swedish compounds wrongly); a word wider than the line is
 * put on a line of its own and may overrun, which no report text does.
 */
export function wrap(inline: Inline, style: TextStyle, width: number, measure: Measurer): Line[] {
  const lines: Line[] = [];
  let current: Segment[] = [];
  let currentWidth = 0;
  let pendingSpace: Segment | null = null;
  const push = (segment: Segment) => {
    const last = current[current.length - 1];
    if (last && last.font === segment.font) last.text += segment.text;
    else current.push({ ...segment });
  };
  const spaceWidth = (font: FontName) => measure.width(" ", font, style.size);
  for (const run of runsOf(inline)) {
    const font = fontOf(run, style.font);
    // Line breaks, tabs and other control characters in given text (a diarienummer typed with a
    // newline) become spaces: PDFKit would start a new line on its own, over the next row.
    const text = run.text.replace(/[\p{Cc}\u2028\u2029]/gu, " ");
    for (const part of text.split(/( +)/)) {
      if (part === "") continue;
      if (part.startsWith(" ")) {
        pendingSpace = current.length > 0 ? { text: " ", font } : null;
        continue;
      }
      const wordWidth = measure.width(part, font, style.size);
      const gap = pendingSpace ? spaceWidth(pendingSpace.font) : 0;
      if (current.length > 0 && currentWidth + gap + wordWidth > width) {
        lines.push({ segments: current, width: currentWidth });
        current = [];
        currentWidth = 0;
      } else if (pendingSpace) {
        push(pendingSpace);
        currentWidth += gap;
      }
      pendingSpace = null;
      push({ text: part, font });
      currentWidth += wordWidth;
    }
  }
  if (current.length > 0) lines.push({ segments: current, width: currentWidth });
  return lines.length > 0 ? lines : [{ segments: [], width: 0 }];
}
