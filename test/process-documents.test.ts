import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProcessDetail } from "../src/domain/process/schemas.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality } from "./helpers/factories.ts";
import { auditRowsFor } from "./helpers/http.ts";
import { callProcess } from "./helpers/process.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const PDF = Buffer.concat([
  Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"),
  Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x00, 0xff]),
  Buffer.from("\n%%EOF\n"),
]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

/** A municipality's process, its coordinator and the first milestone. */
async function started() {
  const municipality = await buildMunicipality(t.db);
  const coordinator = await actorWith(t, "coordinator", municipality.id);
  const res = await callProcess(t, "POST", "/processes", coordinator.headers, {
    organisationId: municipality.id,
    startedOn: "2026-01-05",
  });
  expect(res.statusCode, res.body).toBe(201);
  const process = res.json() as ProcessDetail;
  const item = process.current!.phases[0]!.items[0]!;
  return { municipality, coordinator, process, item };
}

function upload(
  headers: Record<string, string>,
  path: string,
  name: string,
  version: number,
  body: Buffer,
) {
  return t.app.inject({
    method: "POST",
    url: `/api/process${path}/documents?name=${encodeURIComponent(name)}&version=${version}`,
    headers: { ...headers, "content-type": "application/octet-stream" },
    payload: body,
  });
}

const itemOf = (p: ProcessDetail, id: string) =>
  p.current!.phases.flatMap((phase) => phase.items).find((i) => i.id === id)!;

describe("documents as a milestone's evidence", () => {
  it("stores an upload, lists it on the item and downloads the same bytes, audited", async () => {
    const { coordinator, process, item } = await started();
    const path = `/processes/${process.id}/items/${item.id}`;
    const res = await upload(coordinator.headers, path, "../Protokoll styrgrupp.pdf", 1, PDF);
    expect(res.statusCode, res.body).toBe(201);
    const listed = itemOf(res.json(), item.id);
    expect(listed.version).toBe(2);
    const evidence = listed.evidence.find((e) => e.kind === "document")!;
    expect(evidence.title).toBe("Protokoll styrgrupp.pdf");
    expect(evidence.url).toMatch(new RegExp(`^/api/process${path}/documents/[0-9a-f-]{36}$`));

    const download = await t.app.inject({ url: evidence.url!, headers: coordinator.headers });
    expect(download.statusCode, download.body).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.headers["content-disposition"]).toMatch(/^attachment; filename="Protokoll/);

    const rows = await auditRowsFor(t, item.id, "action, details");
    const uploaded = rows.find((r) => r.action === "process.document.upload")!;
    expect((uploaded.details as { sha256: string }).sha256).toBe(
      createHash("sha256").update(PDF).digest("hex"),
    );
    expect(rows.map((r) => r.action)).toContain("process.document.download");

    const removed = await t.app.inject({
      method: "DELETE",
      url: `${evidence.url}?version=2`,
      headers: coordinator.headers,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(itemOf(removed.json(), item.id).evidence).toEqual([]);
    const gone = await t.app.inject({ url: evidence.url!, headers: coordinator.headers });
    expect(gone.statusCode).toBe(404);
    expect((await auditRowsFor(t, item.id, "action")).map((r) => r.action)).toContain(
      "process.document.delete",
    );
  });

  it("refuses a type by its content with a Swedish message, whatever its name says", async () => {
    const { coordinator, process, item } = await started();
    const path = `/processes/${process.id}/items/${item.id}`;
    for (const [name, body] of [
      ["program.pdf", EXE],
      ["bild.pdf", PNG],
      ["rapport.exe", PDF],
    ] as const) {
      const res = await upload(coordinator.headers, path, name, 1, body);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.message).toMatch(/Filtypen tas inte emot/);
    }
    const png = await upload(coordinator.headers, path, "bild.png", 1, PNG);
    expect(png.statusCode, png.body).toBe(201);
  });

  it("refuses more than 10 MB, an empty file and a stale version", async () => {
    const { coordinator, process, item } = await started();
    const path = `/processes/${process.id}/items/${item.id}`;
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await upload(coordinator.headers, path, "stor.pdf", 1, big);
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().error.message).toMatch(/för stor/);
    const empty = await upload(coordinator.headers, path, "tom.txt", 1, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(
      (await upload(coordinator.headers, path, "a.txt", 1, Buffer.from("ok"))).statusCode,
    ).toBe(201);
    const stale = await upload(coordinator.headers, path, "b.txt", 1, Buffer.from("ok"));
    expect(stale.statusCode).toBe(409);
  });

  it("keeps another municipality's coordinator out of upload, download and delete", async () => {
    const { coordinator, process, item } = await started();
    const path = `/processes/${process.id}/items/${item.id}`;
    const res = await upload(coordinator.headers, path, "a.txt", 1, Buffer.from("Protokoll"));
    const url = itemOf(res.json(), item.id).evidence[0]!.url!;
    const other = await actorWith(t, "coordinator", (await buildMunicipality(t.db)).id);
    const up = await upload(other.headers, path, "b.txt", 2, Buffer.from("x"));
    expect([403, 404]).toContain(up.statusCode);
    const down = await t.app.inject({ url, headers: other.headers });
    expect([403, 404]).toContain(down.statusCode);
    const del = await t.app.inject({
      method: "DELETE",
      url: `${url}?version=2`,
      headers: other.headers,
    });
    expect([403, 404]).toContain(del.statusCode);
    const still = await t.app.inject({ url, headers: coordinator.headers });
    expect(still.body).toBe("Protokoll");
  });
});
