import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes `.br` and `.gz` beside every text asset at the end of the build, at the highest levels
 * (done once, not per request), so the server sends them as they are. A compressed file that
 * would not be smaller is not written; the server then sends the plain one.
 */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "paraply:precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await readdir(outDir, { recursive: true });
      await Promise.all(
        files
          .filter((file) => COMPRESSIBLE.test(file) && !file.startsWith(".vite"))
          .map(async (file) => {
            const full = path.join(outDir, file);
            if (!(await stat(full)).isFile()) return;
            const content = await readFile(full);
            const variants: [string, Buffer][] = [
              [
                ".br",
                await brotli(content, {
                  params: {
                    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                    [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
                  },
                }),
              ],
              [".gz", await gzipAsync(content, { level: constants.Z_BEST_COMPRESSION })],
            ];
            for (const [suffix, compressed] of variants) {
              if (compressed.length < content.length) await writeFile(full + suffix, compressed);
            }
          }),
      );
    },
  };
}

/**
 * Each designsystemet-react component that needs designsystemet-web imports all of it: every
 * custom element, the popover polyfill with floating-ui, the combobox. Here each imports only its
 * own part; the behaviours of plain HTML (dialog, invokers, fieldset, read-only, click delegation)
 * are loaded once by src/web/design-system.ts. A component that imports the package and is not
 * listed keeps the whole of it, so a new one works before it is listed.
 */
const DS_WEB_PARTS: Record<string, string[]> = {
  field: ["ds-field"],
  "error-summary": ["ds-error-summary"],
  "toggle-group": ["toggle-group", "focusgroup"],
  tabs: ["ds-tabs", "focusgroup"],
  breadcrumbs: ["ds-breadcrumbs"],
  pagination: ["ds-pagination"],
  popover: ["popover"],
  tooltip: ["tooltip"],
  suggestion: ["ds-suggestion"],
  details: ["details"],
};
const DS_REACT_COMPONENT =
  /node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]dist[\\/]esm[\\/]components[\\/]([^\\/]+)[\\/][^\\/]+\.js$/;
const DS_WEB_IMPORT = 'import "@digdir/designsystemet-web";';

function designSystemWeb(): Plugin {
  return {
    name: "paraply:design-system-web",
    apply: "build",
    transform(code, id) {
      const parts = DS_WEB_PARTS[DS_REACT_COMPONENT.exec(id)?.[1] ?? ""];
      if (!parts) return null;
      const imports = parts
        .map((part) => `import "@digdir/designsystemet-web/${part}";`)
        .join("\n");
      return {
        code: code.includes(DS_WEB_IMPORT)
          ? code.replace(DS_WEB_IMPORT, imports)
          : `${imports}\n${code}`,
        map: null,
      };
    },
  };
}

export default defineConfig({
  root: "src/web",
  plugins: [react(), designSystemWeb(), precompress()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    // bench/web and the bundle-size test read which chunks each page needs from here.
    manifest: true,
    // No preload lists: each lazy page's import would carry the list of chunks it needs, and those
    // lists sit in the first page's script, which grows with every page of every module (2.4 kB
    // gzip for 60 pages, past the sign-in budget). A page's own imports then load one round trip
    // after the page chunk, which on a municipal network costs a few milliseconds.
    modulePreload: false,
    rolldownOptions: {
      treeshake: {
        // The design system's components are pure but its package.json does not say so; without
        // this every page would carry all of them (and their popover and combobox code).
        moduleSideEffects: [
          { test: /node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]/, sideEffects: false },
        ],
      },
      output: {
        codeSplitting: {
          groups: [
            // Changes least often, so browsers keep it across deploys.
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 3,
            },
            // Everything the first page needs besides React, in one file: small shared chunks
            // compress worse apart and cost a request each.
            {
              name: "app",
              tags: ["$initial"],
              test: (id) => !/src[\\/]web[\\/](main\.tsx|index\.html)/.test(id),
              priority: 1,
            },
            // Only the chart pages load the chart library.
            {
              name: "plot",
              test: /node_modules[\\/](@observablehq[\\/]plot|d3-[a-z-]+|interval-tree-1d|isoformat|binary-search-bounds)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
