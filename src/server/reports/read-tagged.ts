import { getDocumentProxy } from "unpdf";

/**
 * Reads a tagged PDF back the way assistive technology does, for tests: the structure tree of
 * each page in order, the text each structure element holds, Figure alternative texts, and the
 * catalogue entries a tagged PDF must carry. Uses pdf.js (through unpdf, a devDependency), never
 * the kit's own code, so a test can catch what the kit gets wrong.
 */

interface TreeNode {
  role: string;
  alt?: string;
  lang?: string;
  children?: (TreeNode | { type: string; id: string })[];
}

interface MarkedItem {
  type?: string;
  id?: string;
  tag?: string;
  str?: string;
  hasEOL?: boolean;
}

export interface TaggedElement {
  role: string;
  text: string;
  /** 1-based page number. */
  page: number;
  alt?: string;
  /** Roles from the root down to this element's parent. */
  path: string[];
}

export interface TaggedPdf {
  pages: number;
  /** Structure elements that hold content, in reading order (an element split over pages repeats). */
  elements: TaggedElement[];
  /** Page text marked as artifacts (header, footer, repeated table headers), per page. */
  artifactText: string[][];
  /** Page text in no marked content at all: invisible to assistive technology, so a fault. */
  untaggedText: string[];
  hasStructTreeRoot: boolean;
  lang: string | null;
  title: string | null;
  displayDocTitle: boolean;
  pdfUa: boolean;
  /** /BaseFont names of every font, and how many font programs are embedded. */
  fonts: string[];
  embeddedFontPrograms: number;
}

function isNode(child: TreeNode | { type: string; id: string }): child is TreeNode {
  return "role" in child;
}

export async function readTaggedPdf(bytes: Uint8Array): Promise<TaggedPdf> {
  const raw = Buffer.from(bytes).toString("latin1");
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const elements: TaggedElement[] = [];
  const artifactText: string[][] = [];
  const untaggedText: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const textById = new Map<string, string>();
    const artifacts: string[] = [];
    const stack: (string | "artifact" | null)[] = [];
    for (const item of content.items as MarkedItem[]) {
      if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
        stack.push(item.tag === "Artifact" ? "artifact" : (item.id ?? null));
      } else if (item.type === "endMarkedContent") {
        stack.pop();
      } else if (typeof item.str === "string") {
        const id = stack[stack.length - 1] ?? null;
        const str = item.hasEOL ? `${item.str} ` : item.str;
        if (id === "artifact") {
          if (item.str.trim()) artifacts.push(item.str);
        } else if (id) textById.set(id, (textById.get(id) ?? "") + str);
        else if (item.str.trim()) untaggedText.push(item.str);
      }
    }
    artifactText.push(artifacts);
    const tree = (await page.getStructTree()) as TreeNode | null;
    const walk = (node: TreeNode, path: string[]) => {
      const children = node.children ?? [];
      const text = children
        .filter((child) => !isNode(child))
        .map((child) => textById.get((child as { id: string }).id) ?? "")
        .join(" ")
        .replace(/\s+/g, " ")
        .trim();
      if (children.some((child) => !isNode(child)) || node.role === "Figure")
        elements.push({ role: node.role, text, page: number, alt: node.alt, path });
      for (const child of children) if (isNode(child)) walk(child, [...path, node.role]);
    };
    if (tree) walk(tree, []);
  }
  const { info, metadata } = await pdf.getMetadata();
  const xmp = metadata ? String((metadata as { getRaw(): unknown }).getRaw()) : "";
  const lang = /\/Lang \(([^)]*)\)/.exec(raw)?.[1] ?? null;
  return {
    pages: pdf.numPages,
    elements,
    artifactText,
    untaggedText,
    hasStructTreeRoot: /\/StructTreeRoot \d+ 0 R/.test(raw),
    lang,
    title: ((info as Record<string, unknown>).Title as string | undefined) ?? null,
    displayDocTitle: /\/DisplayDocTitle true/.test(raw),
    pdfUa: /pdfuaid:part>1</.test(xmp),
    fonts: [...raw.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((m) => m[1]!),
    embeddedFontPrograms: [...raw.matchAll(/\/FontFile[23]? \d+ 0 R/g)].length,
  };
}
