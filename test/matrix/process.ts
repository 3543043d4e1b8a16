import { buildArea } from "../helpers/factories.ts";
import { buildCollaboration, buildProcess, closeCycle, settlePhase } from "../helpers/process.ts";
import { all, type Fixture, type ModuleMatrix, readable, scoped, targetUser } from "./types.ts";

// Each fixture starts its process in a fresh area of the target municipality: one process per
// community, and the matrix calls every row many times.
async function processUrl(f: Fixture) {
  return `/api/process/processes/${(await buildProcess(f.t.db, { parentId: f.org.id })).id}`;
}
async function itemUrl(f: Fixture) {
  const p = await buildProcess(f.t.db, { parentId: f.org.id });
  return `/api/process/processes/${p.id}/items/${p.items[0]!.id}`;
}

/** A process with one text document on its first item, stored directly. */
async function documentUrl(f: Fixture) {
  const p = await buildProcess(f.t.db, { parentId: f.org.id });
  const item = p.items[0]!.id;
  const base = `/api/process/processes/${p.id}/items/${item}/documents`;
  const evidence = await f.t.pool.query<{ id: string }>(
    `INSERT INTO community.process_evidence (item_id, kind, url, title)
     VALUES ($1, 'document', 'pending', 'a.txt') RETURNING id`,
    [item],
  );
  const doc = await f.t.pool.query<{ id: string }>(
    `INSERT INTO community.process_documents
       (process_id, item_id, evidence_id, file_name, content_type, size, bytes, sha256)
     VALUES ($1, $2, $3, 'a.txt', 'text/plain; charset=utf-8', 1, 'a'::bytea, 'x') RETURNING id`,
    [p.id, item, evidence.rows[0]!.id],
  );
  return `${base}/${doc.rows[0]!.id}`;
}

const edited = (status: number) => ({
  ...all(403),
  system_admin: status,
  coordinator: scoped(status, 403),
});

export const processMatrix: ModuleMatrix = {
  rows: {
    // Community-level work: read along the lineage, changed by coordinators of the community.
    "GET /api/process/checklists": all(200),
    "POST /api/process/checklists": edited(201),
    "GET /api/process/processes": all(200),
    "POST /api/process/processes": edited(201),
    "GET /api/process/processes/{id}": readable,
    "GET /api/process/processes/{id}/cycles/{cycleId}": readable,
    "PATCH /api/process/processes/{id}": edited(200),
    "PATCH /api/process/processes/{id}/items/{itemId}": edited(200),
    "POST /api/process/processes/{id}/items/{itemId}/evidence": edited(201),
    "DELETE /api/process/processes/{id}/items/{itemId}/evidence/{evidenceId}": edited(200),
    "POST /api/process/processes/{id}/items/{itemId}/documents": edited(201),
    "GET /api/process/processes/{id}/items/{itemId}/documents/{documentId}": readable,
    "DELETE /api/process/processes/{id}/items/{itemId}/documents/{documentId}": edited(200),
    "POST /api/process/processes/{id}/phases/{phase}/complete": edited(200),
    "POST /api/process/processes/{id}/cycles": edited(201),
    "GET /api/process/processes/{id}/responsible-candidates": edited(200),
    // The board overview's collaboration lies outside every caller's lineage here (the fixture
    // municipality sits under a region); test/process.test.ts covers a member's own board.
    "GET /api/process/overview": { ...all(403), system_admin: 200 },
    "GET /api/process/overview.csv": { ...all(403), system_admin: 200 },
    "GET /api/process/overview.pdf": { ...all(403), system_admin: 200 },
  },
  requests: {
    "GET /api/process/checklists": async () => ({ url: "/api/process/checklists" }),
    "POST /api/process/checklists": async (f) => ({
      url: "/api/process/checklists",
      payload: { organisationId: f.org.id, baseChecklistId: null },
    }),
    "GET /api/process/processes": async () => ({ url: "/api/process/processes" }),
    "POST /api/process/processes": async (f) => {
      const area = await buildArea(f.t.db, f.org.id);
      return {
        url: "/api/process/processes",
        payload: { organisationId: area.id, startedOn: "2026-02-01" },
      };
    },
    "GET /api/process/processes/{id}": async (f) => ({ url: await processUrl(f) }),
    "GET /api/process/processes/{id}/cycles/{cycleId}": async (f) => {
      const p = await buildProcess(f.t.db, { parentId: f.org.id });
      return { url: `/api/process/processes/${p.id}/cycles/${p.cycle.id}` };
    },
    "PATCH /api/process/processes/{id}": async (f) => ({
      url: await processUrl(f),
      payload: { vision: "Alla unga i kommunen mår bra", version: 1 },
    }),
    "PATCH /api/process/processes/{id}/items/{itemId}": async (f) => ({
      url: await itemUrl(f),
      payload: { status: "in_progress", version: 1 },
    }),
    "POST /api/process/processes/{id}/items/{itemId}/evidence": async (f) => ({
      url: `${await itemUrl(f)}/evidence`,
      payload: { kind: "document", title: "Protokoll", url: "https://example.org/protokoll.pdf" },
    }),
    "DELETE /api/process/processes/{id}/items/{itemId}/evidence/{evidenceId}": async (f) => {
      const p = await buildProcess(f.t.db, { parentId: f.org.id });
      const res = await f.t.pool.query<{ id: string }>(
        `INSERT INTO community.process_evidence (item_id, kind, url, title)
         VALUES ($1, 'document', 'https://example.org/a.pdf', 'A') RETURNING id`,
        [p.items[0]!.id],
      );
      return {
        url: `/api/process/processes/${p.id}/items/${p.items[0]!.id}/evidence/${res.rows[0]!.id}`,
      };
    },
    "POST /api/process/processes/{id}/items/{itemId}/documents": async (f) => ({
      url: `${await itemUrl(f)}/documents?name=protokoll.txt&version=1`,
      payload: "Protokoll från styrgruppens möte",
    }),
    "GET /api/process/processes/{id}/items/{itemId}/documents/{documentId}": async (f) => ({
      url: await documentUrl(f),
    }),
    "DELETE /api/process/processes/{id}/items/{itemId}/documents/{documentId}": async (f) => ({
      url: `${await documentUrl(f)}?version=1`,
    }),
    "POST /api/process/processes/{id}/phases/{phase}/complete": async (f) => {
      const p = await buildProcess(f.t.db, { parentId: f.org.id });
      await settlePhase(f.t.db, p.cycle.id, 1);
      return {
        url: `/api/process/processes/${p.id}/phases/1/complete`,
        payload: { decidedOn: "2026-03-01", version: 1 },
      };
    },
    "POST /api/process/processes/{id}/cycles": async (f) => {
      const p = await buildProcess(f.t.db, { parentId: f.org.id });
      await closeCycle(f.t.db, p.cycle.id);
      return {
        url: `/api/process/processes/${p.id}/cycles`,
        payload: { startedOn: "2027-01-10" },
      };
    },
    "GET /api/process/processes/{id}/responsible-candidates": async (f) => {
      await targetUser(f);
      return { url: `${await processUrl(f)}/responsible-candidates` };
    },
    "GET /api/process/overview": async (f) => ({
      url: `/api/process/overview?collaborationId=${(await overviewCollaboration(f)).id}`,
    }),
    "GET /api/process/overview.csv": async (f) => ({
      url: `/api/process/overview.csv?collaborationId=${(await overviewCollaboration(f)).id}`,
    }),
    "GET /api/process/overview.pdf": async (f) => ({
      url: `/api/process/overview.pdf?collaborationId=${(await overviewCollaboration(f)).id}`,
    }),
  },
};

async function overviewCollaboration(f: Fixture) {
  const res = await f.t.pool.query<{ parent_id: string }>(
    "SELECT parent_id FROM platform.organisations WHERE id = $1",
    [f.org.id],
  );
  return buildCollaboration(f.t.db, res.rows[0]!.parent_id);
}
