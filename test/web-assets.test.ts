import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/app.ts";

// A built UI as the Vite build leaves it (vite.config.ts): .br and .gz beside each file.
const SCRIPT = `export const greeting = "${"hej ".repeat(500)}";\n`;
const INDEX = `<!doctype html><html lang="sv"><head><title>Paraply</title></head><body>${"<p>x</p>".repeat(50)}<script type="module" src="/assets/app-abc123.js"></script></body></html>`;
const STYLE = "a{color:red}";

let t: TestApp;
let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), "paraply-web-"));
  await mkdir(path.join(dist, "assets"));
  for (const [name, content] of [
    ["assets/app-abc123.js", SCRIPT],
    ["index.html", INDEX],
  ] as const) {
    await writeFile(path.join(dist, name), content);
    await writeFile(path.join(dist, `${name}.br`), brotliCompressSync(content));
    await writeFile(path.join(dist, `${name}.gz`), gzipSync(content));
  }
  // Too small to gain from compression: the build writes no .br/.gz for it.
  await writeFile(path.join(dist, "assets/small-def456.css"), STYLE);
  t = await buildTestApp({}, { webDist: dist });
});

afterAll(async () => {
  await t?.close();
  await rm(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({
    method: "GET",
    url,
    headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
  });

describe("the built web UI", () => {
  it("sends a script brotli-compressed when the browser accepts br, cached for a year", async () => {
    const res = await get("/assets/app-abc123.js", "gzip, deflate, br, zstd");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(Number(res.headers["content-length"])).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it("sends gzip to a browser that accepts gzip but not br", async () => {
    const res = await get("/assets/app-abc123.js", "gzip, br;q=0");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it("sends the plain file when the request accepts no encoding", async () => {
    for (const acceptEncoding of [undefined, "identity"]) {
      const res = await get("/assets/app-abc123.js", acceptEncoding);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers["content-type"]).toMatch(/javascript/);
      expect(res.body).toBe(SCRIPT);
    }
  });

  it("sends the plain file when no compressed one was written", async () => {
    const res = await get("/assets/small-def456.css", "br, gzip");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-type"]).toMatch(/text\/css/);
    expect(res.body).toBe(STYLE);
  });

  it("answers a client-side route with index.html, compressed and never cached stale", async () => {
    const res = await get("/readiness/some-id/results", "br");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(INDEX);
    const plain = await get("/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(INDEX);
  });

  it("answers 404, not the page, for an asset of another build", async () => {
    const res = await get("/assets/app-old999.js", "br");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).not.toMatch(/text\/html/);
    expect(res.headers["content-encoding"]).toBeUndefined();
  });

  it("still answers an unknown API path with a JSON 404", async () => {
    const res = await get("/api/no-such-thing", "br");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("never rate-limits the UI's own files, only the API", async () => {
    const limited = await buildTestApp({ RATE_LIMIT_PER_MINUTE: "3" }, { webDist: dist });
    try {
      for (let i = 0; i < 10; i++) {
        const res = await limited.app.inject({ method: "GET", url: "/assets/app-abc123.js" });
        expect(res.statusCode).toBe(200);
      }
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await limited.app.inject({ method: "GET", url: "/api/auth/providers" })).statusCode,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
