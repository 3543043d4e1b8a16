import { Marked, type Tokens } from "marked";

export interface GuideSection {
  id: string;
  /** 2 for a chapter, 3 for a section within it. */
  level: number;
  title: string;
}

export interface RenderedGuide {
  /** The guide's own title (its first-level heading), which the page shows as its h1. */
  title: string;
  /** The body without that title. */
  html: string;
  /** Every heading below the title, in order: the table of contents and the help links' targets. */
  sections: GuideSection[];
}

/**
 * GitHub's heading ids (as github-slugger makes them): lower case, punctuation dropped, spaces to
 * hyphens, letters such as å kept. The guide's own links use these, so they work both on GitHub
 * and in the app, and the web pages' help links name sections the same way.
 */
export function slugOf(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** Text of a heading without its inline Markdown (emphasis, code, links). */
function plainText(tokens: Tokens.Generic[]): string {
  return tokens
    .map((t) => ("tokens" in t && t.tokens ? plainText(t.tokens) : "text" in t ? t.text : ""))
    .join("");
}

/**
 * Renders the user guide to HTML with stable ids on its headings, each focusable so that a help
 * link can move focus to it. The source is the project's own
 * Markdown (not user input), so its HTML is kept as written. A repeated heading gets `-1`, `-2`,
 * as on GitHub.
 */
export function renderGuide(markdown: string): RenderedGuide {
  const sections: GuideSection[] = [];
  let title = "";
  const seen = new Map<string, number>();
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth }) {
        const text = plainText(tokens as Tokens.Generic[]);
        if (depth === 1) {
          title ||= text;
          return "";
        }
        const base = slugOf(text);
        const count = seen.get(base) ?? 0;
        seen.set(base, count + 1);
        const id = count === 0 ? base : `${base}-${count}`;
        sections.push({ id, level: depth, title: text });
        const inner = this.parser.parseInline(tokens);
        return `<h${depth} id="${id}" tabindex="-1">${inner}</h${depth}>\n`;
      },
    },
  });
  const html = marked.parse(markdown, { async: false });
  return { title, html, sections };
}
