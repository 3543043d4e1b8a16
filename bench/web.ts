import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { shellNamespaces } from "../src/web/i18n/namespaces.ts";

/**
 * bench/web: what the browser downloads for each page of the built web UI. A page needs the
 * entry (index.html's script, its static imports and CSS), the catalogue of its language, and its
 * route chunk with what that imports; the Vite manifest names them all. Sizes are as served:
 * the plain file, and the `.gz` and `.br` the build wrote beside it (or the plain size where
 * compressing would not have helped, as the server then sends the plain file). kB = 1000 bytes.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const WEB_DIST = path.join(ROOT, "dist/web");

/** The targets (issue 14, section 5), JavaScript only, gzip. */
export const BUDGET = { signIn: 150_000, anyPage: 300_000 } as const;
export const SIGN_IN_PAGE = "routes/platform/login.tsx";

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface PageBundle {
  /** The route module, relative to src/web, or "(entry)" for what every page loads first. */
  page: string;
  js: Sizes;
  css: Sizes;
  /** Every file the page needs, relative to dist/web. */
  files: string[];
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

async function sizeOf(file: string): Promise<number | undefined> {
  return (await stat(file).catch(() => undefined))?.size;
}

async function servedSizes(dist: string, files: Iterable<string>): Promise<Sizes> {
  const total: Sizes = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const full = path.join(dist, file);
    const raw = await sizeOf(full);
    if (raw === undefined) throw new Error(`${file} is in the manifest but not in ${dist}`);
    total.raw += raw;
    total.gzip += (await sizeOf(`${full}.gz`)) ?? raw;
    total.brotli += (await sizeOf(`${full}.br`)) ?? raw;
  }
  return total;
}

/** A chunk's file with its CSS and everything it imports statically, recursively. */
function closure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, into);
  return into;
}

async function bundle(dist: string, page: string, files: Set<string>): Promise<PageBundle> {
  const list = [...files].sort();
  return {
    page,
    js: await servedSizes(
      dist,
      list.filter((f) => f.endsWith(".js")),
    ),
    css: await servedSizes(
      dist,
      list.filter((f) => f.endsWith(".css")),
    ),
    files: list,
  };
}

/** Reads dist/web: the entry alone, then each route entry with all it needs, largest first. */
export async function pageBundles(
  dist = WEB_DIST,
  language = "sv",
): Promise<{ entry: PageBundle; pages: PageBundle[]; all: PageBundle }> {
  const manifest = JSON.parse(
    await readFile(path.join(dist, ".vite/manifest.json"), "utf8"),
  ) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error("The Vite manifest has no entry");
  const entryFiles = closure(manifest, entryKey);
  const routes = Object.keys(manifest).filter(
    (key) => manifest[key]?.isDynamicEntry && key.startsWith("routes/"),
  );
  const pages = await Promise.all(
    routes.map((route) => {
      const files = new Set(entryFiles);
      // The shell's texts load before the first render; a context's own come with its pages.
      // A module's `lazyNamespaces` (platform's admin texts, under 5 kB gzip) load only with the
      // pages that name them and are not counted here.
      const context = route.split("/")[1] ?? "";
      for (const namespace of new Set([...shellNamespaces(), context])) {
        const key = `i18n/${language}/${namespace}.json`;
        if (manifest[key]) closure(manifest, key, files);
      }
      return bundle(dist, route, closure(manifest, route, files));
    }),
  );
  pages.sort((a, b) => b.js.gzip - a.js.gzip);
  const allFiles = new Set(Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]));
  return {
    entry: await bundle(dist, "(entry)", entryFiles),
    pages,
    all: await bundle(dist, "(whole app)", allFiles),
  };
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1).padStart(8);

function row(b: PageBundle): string {
  return [
    b.page.padEnd(42),
    kB(b.js.raw),
    kB(b.js.gzip),
    kB(b.js.brotli),
    kB(b.css.raw),
    kB(b.css.gzip),
    kB(b.css.brotli),
    String(b.files.length).padStart(6),
  ].join(" ");
}

/** `npm run bench -- web`: builds the UI (BENCH_WEB_BUILD=0 reads the last build) and prints. */
export async function benchWeb(options: { build: boolean }): Promise<void> {
  if (options.build) {
    const { build } = await import("vite");
    await build({ configFile: path.join(ROOT, "vite.config.ts"), logLevel: "warn" });
  }
  const { entry, pages, all } = await pageBundles();
  const header = [
    "page (src/web/…)".padEnd(42),
    "JS raw".padStart(8),
    "JS gz".padStart(8),
    "JS br".padStart(8),
    "CSS raw".padStart(8),
    "CSS gz".padStart(8),
    "CSS br".padStart(8),
    " files",
  ].join(" ");
  console.log("bench/web: what each page downloads, in kB (1000 bytes), as served\n");
  console.log(header);
  console.log("-".repeat(header.length));
  for (const b of [entry, ...pages]) console.log(row(b));
  console.log("-".repeat(header.length));
  console.log(row(all));
  const signIn = pages.find((p) => p.page === SIGN_IN_PAGE);
  const largest = pages[0];
  console.log(
    `\nsign-in page JS ${kB(signIn?.js.gzip ?? 0).trim()} kB gzip (target ≤ ${BUDGET.signIn / 1000}); ` +
      `largest page ${largest?.page} ${kB(largest?.js.gzip ?? 0).trim()} kB gzip (target ≤ ${BUDGET.anyPage / 1000})`,
  );
}
