import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProcessDetail } from "../src/domain/process/schemas.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildArea, buildMunicipality, buildRegion } from "./helpers/factories.ts";
import { auditRowsFor } from "./helpers/http.ts";
import { buildCollaboration, callProcess } from "./helpers/process.ts";
import { buildAssessment } from "./helpers/readiness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const actions = async (subjectId: string) =>
  (await auditRowsFor(t, subjectId, "action")).map((r) => r.action as string);

/** A municipality with a coordinator who started its process through the API. */
async function started() {
  const municipality = await buildMunicipality(t.db);
  const coordinator = await actorWith(t, "coordinator", municipality.id);
  const res = await callProcess(t, "POST", "/processes", coordinator.headers, {
    organisationId: municipality.id,
    startedOn: "2026-01-05",
    vision: "Alla barn och unga i kommunen växer upp trygga",
    actors: [{ kind: "housing", name: "Kommunens bostadsbolag" }],
    keyLeaders: [{ name: "Anna Ordförande", role: "KS ordförande" }],
    board: [{ name: "Per Rektor", sector: "school", role: "rektor" }],
    promotive: { opportunities: "Öppna fritidsverksamheter" },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { municipality, coordinator, process: res.json() as ProcessDetail };
}

const phase = (p: ProcessDetail, n: number) => p.current!.phases.find((x) => x.phase === n)!;

/** Marks every item of a phase done through the API, each from the version it read. */
async function settle(headers: object, p: ProcessDetail, n: number): Promise<ProcessDetail> {
  let latest = p;
  for (const item of phase(p, n).items) {
    const res = await callProcess(t, "PATCH", `/processes/${p.id}/items/${item.id}`, headers, {
      status: "done",
      version: item.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    latest = res.json();
  }
  return latest;
}

async function complete(headers: object, p: ProcessDetail, n: number, decidedOn: string) {
  return callProcess(t, "POST", `/processes/${p.id}/phases/${n}/complete`, headers, {
    decidedOn,
    note: `Fas ${n} klar enligt styrgruppen`,
    version: p.current!.version,
  });
}

describe("starting a process", () => {
  it("starts the first cycle in phase 1 with Paraply's checklist, audited", async () => {
    const { process } = await started();
    expect(process.cycleNumber).toBe(1);
    expect(process.currentPhase).toBe(1);
    expect(process.current!.phases.map((p) => p.phase)).toEqual([1, 2, 3, 4, 5]);
    expect(phase(process, 1).status).toBe("current");
    expect(phase(process, 1).startedOn).toBe("2026-01-05");
    expect(phase(process, 1).items.length).toBeGreaterThan(3);
    expect(process.board[0]!.sector).toBe("school");
    expect(process.abilities.edit).toBe(true);
    expect(await actions(process.id)).toEqual(["process.process.create"]);
  });

  it("is named in the audit log with a link to the process", async () => {
    const { municipality, process } = await started();
    const admin = await actorWith(t, "org_admin", municipality.id);
    const res = await t.app.inject({
      url: `/api/audit?subjectId=${process.id}`,
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()[0]).toMatchObject({
      action: "process.process.create",
      subjectName: `Förebyggande process, ${municipality.name}`,
      subjectPath: `/process/${process.id}`,
    });
  });

  it("answers 401 without a session, 400 naming the field, 403 for a reader, 409 for a second", async () => {
    const municipality = await buildMunicipality(t.db);
    const body = { organisationId: municipality.id, startedOn: "2026-01-05" };
    expect((await callProcess(t, "POST", "/processes", {}, body)).statusCode).toBe(401);
    const coordinator = await actorWith(t, "coordinator", municipality.id);
    const bad = await callProcess(t, "POST", "/processes", coordinator.headers, {
      ...body,
      startedOn: "5 januari",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("startedOn");
    const reader = await actorWith(t, "reader", municipality.id);
    expect((await callProcess(t, "POST", "/processes", reader.headers, body)).statusCode).toBe(403);
    expect((await callProcess(t, "POST", "/processes", coordinator.headers, body)).statusCode).toBe(
      201,
    );
    expect((await callProcess(t, "POST", "/processes", coordinator.headers, body)).statusCode).toBe(
      409,
    );
  });

  it("refuses a collaboration the community does not belong to", async () => {
    const municipality = await buildMunicipality(t.db);
    const elsewhere = await buildCollaboration(t.db, (await buildRegion(t.db)).id);
    const coordinator = await actorWith(t, "coordinator", municipality.id);
    const res = await callProcess(t, "POST", "/processes", coordinator.headers, {
      organisationId: municipality.id,
      collaborationId: elsewhere.id,
      startedOn: "2026-01-05",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe("collaborationId");
  });
});

describe("milestones and phases", () => {
  it("refuses to complete a phase with open required items, saying why", async () => {
    const { coordinator, process } = await started();
    const res = await complete(coordinator.headers, process, 1, "2026-02-01");
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("open_required_items");
    expect(res.json().error.message).toMatch(/obligatoriska punkter/);
    const outOfOrder = await complete(coordinator.headers, process, 3, "2026-02-01");
    expect(outOfOrder.json().error.code).toBe("not_current_phase");
  });

  it("needs a reason for not applicable and audits every change", async () => {
    const { coordinator, process } = await started();
    const item = phase(process, 1).items[0]!;
    const url = `/processes/${process.id}/items/${item.id}`;
    const noReason = await callProcess(t, "PATCH", url, coordinator.headers, {
      status: "not_applicable",
      version: item.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.issues[0].path).toBe("naReason");
    const ok = await callProcess(t, "PATCH", url, coordinator.headers, {
      status: "not_applicable",
      naReason: "Regionen har redan en samordnare",
      dueOn: "2026-01-31",
      responsibleId: coordinator.user.id,
      version: item.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = phase(ok.json(), 1).items[0]!;
    expect(after.status).toBe("not_applicable");
    expect(after.responsible?.id).toBe(coordinator.user.id);
    expect(after.version).toBe(item.version + 1);
    expect(await actions(item.id)).toEqual(["process.item.update"]);
  });

  it("never lets two coordinators overwrite each other: the second answers 409", async () => {
    const { municipality, coordinator, process } = await started();
    const other = await actorWith(t, "coordinator", municipality.id);
    const item = phase(process, 1).items[1]!;
    const url = `/processes/${process.id}/items/${item.id}`;
    const [a, b] = await Promise.all([
      callProcess(t, "PATCH", url, coordinator.headers, { notes: "A", version: item.version }),
      callProcess(t, "PATCH", url, other.headers, { notes: "B", version: item.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe("stale_version");
    expect(loser.json().error.message).toMatch(/Ladda om/);
    const stale = await callProcess(t, "PATCH", `/processes/${process.id}`, other.headers, {
      vision: "Ny framtidsbild",
      version: process.version + 5,
    });
    expect(stale.statusCode).toBe(409);
  });

  it("runs a full cycle, closes it with phase 5, and starts the next at phase 2", async () => {
    const { coordinator, process } = await started();
    const h = coordinator.headers;
    let p = process;
    const dates = ["2026-03-01", "2026-06-01", "2026-12-01", "2027-06-01", "2028-06-01"];
    for (const n of [1, 2, 3, 4, 5]) {
      p = await settle(h, p, n);
      const res = await complete(h, p, n, dates[n - 1]!);
      expect(res.statusCode, res.body).toBe(200);
      p = res.json();
    }
    expect(p.current!.closedOn).toBe("2028-06-01");
    expect(p.currentPhase).toBe(null);
    expect(phase(p, 2).startedOn).toBe("2026-03-01");
    expect(phase(p, 2).timeSpent?.days).toBe(92);

    // A closed cycle is read-only.
    const item = phase(p, 3).items[0]!;
    const edit = await callProcess(t, "PATCH", `/processes/${p.id}/items/${item.id}`, h, {
      notes: "Sent tillägg",
      version: item.version,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe("cycle_closed");

    const early = await callProcess(t, "POST", `/processes/${p.id}/cycles`, h, {
      startedOn: "2028-01-01",
    });
    expect(early.statusCode).toBe(400);
    const next = await callProcess(t, "POST", `/processes/${p.id}/cycles`, h, {
      startedOn: "2028-08-15",
      note: "Ny enkät 2028, samma styrgrupp",
    });
    expect(next.statusCode, next.body).toBe(201);
    const second: ProcessDetail = next.json();
    expect(second.cycleNumber).toBe(2);
    expect(second.currentPhase).toBe(2);
    expect(second.current!.phases.map((x) => x.phase)).toEqual([2, 3, 4, 5]);
    expect(second.cycles.map((c) => [c.number, c.closedOn])).toEqual([
      [1, "2028-06-01"],
      [2, null],
    ]);
    expect(second.cycles[0]!.phaseDays.find((d) => d.phase === 1)?.days).toBe(55);

    const again = await callProcess(t, "POST", `/processes/${p.id}/cycles`, h, {
      startedOn: "2028-09-01",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("cycle_open");

    // The earlier cycle stays readable in full.
    const old = await callProcess(t, "GET", `/processes/${p.id}/cycles/${p.current!.id}`, h);
    expect(old.statusCode).toBe(200);
    expect((old.json() as ProcessDetail).current!.closedOn).toBe("2028-06-01");

    const cycleActions = await actions(p.current!.id);
    expect(cycleActions.filter((a) => a === "process.phase.complete")).toHaveLength(5);
    expect(await actions(second.current!.id)).toEqual(["process.cycle.create"]);
  });
});

describe("evidence and linked work", () => {
  it("links the community's readiness assessment and refuses another community's", async () => {
    const { municipality, coordinator, process } = await started();
    expect(process.linked.suggestReadiness).toBe(true);
    const assessment = await buildAssessment(t.db, { organisationId: municipality.id });
    const foreign = await buildAssessment(t.db, {
      organisationId: (await buildMunicipality(t.db)).id,
    });
    const item = phase(process, 1).items.find((i) => i.key === "1-readiness")!;
    const url = `/processes/${process.id}/items/${item.id}/evidence`;
    const refused = await callProcess(t, "POST", url, coordinator.headers, {
      kind: "readiness_assessment",
      recordId: foreign.id,
    });
    expect(refused.statusCode).toBe(400);
    const res = await callProcess(t, "POST", url, coordinator.headers, {
      kind: "readiness_assessment",
      recordId: assessment.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const detail: ProcessDetail = res.json();
    const evidence = phase(detail, 1).items.find((i) => i.id === item.id)!.evidence[0]!;
    expect(evidence).toMatchObject({ resolved: true, url: `/readiness/${assessment.id}` });
    expect(detail.linked.readiness.map((a) => a.id)).toContain(assessment.id);
    expect(detail.linked.suggestReadiness).toBe(false);

    // Records of modules still to come are kept as given; documents need an http(s) address.
    const later = await callProcess(t, "POST", url, coordinator.headers, {
      kind: "action_plan",
      recordId: "00000000-0000-4000-8000-000000000001",
      title: "Handlingsplan 2026",
    });
    expect(later.statusCode).toBe(201);
    const js = await callProcess(t, "POST", url, coordinator.headers, {
      kind: "document",
      title: "x",
      url: "javascript:alert(1)",
    });
    expect(js.statusCode).toBe(400);
    const removed = await callProcess(t, "DELETE", `${url}/${evidence.id}`, coordinator.headers);
    expect(removed.statusCode).toBe(200);
    expect(await actions(item.id)).toEqual([
      "process.evidence.create",
      "process.evidence.create",
      "process.evidence.delete",
    ]);
  });
});

describe("checklist versions", () => {
  it("copies and edits a checklist as a new version and applies it to phases not started", async () => {
    const { municipality, coordinator, process } = await started();
    const h = coordinator.headers;
    const list = await callProcess(t, "GET", "/checklists", h);
    const builtIn = list.json()[0];
    expect(builtIn.builtIn).toBe(true);
    const items = builtIn.items.filter((i: { key: string }) => i.key !== "3-gaps");
    items.push({
      key: "3-survey-grades",
      phase: 3,
      required: true,
      text: {
        sv: "Enkäten besvaras i åk 7, 9 och gy 2",
        en: "The survey is answered in grades 7, 9 and 11",
      },
    });
    const duplicate = await callProcess(t, "POST", "/checklists", h, {
      organisationId: municipality.id,
      baseChecklistId: null,
      items: [...items, items[0]],
    });
    expect(duplicate.statusCode).toBe(400);
    const created = await callProcess(t, "POST", "/checklists", h, {
      organisationId: municipality.id,
      baseChecklistId: null,
      items,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().version).toBe(1);
    const copy = await callProcess(t, "POST", "/checklists", h, {
      organisationId: municipality.id,
      baseChecklistId: created.json().id,
    });
    expect(copy.json().version).toBe(2);
    const listed = await callProcess(t, "GET", "/checklists", h);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().map((c: { version: number }) => c.version)).toEqual([1, 2, 1]);

    const applied = await callProcess(t, "PATCH", `/processes/${process.id}`, h, {
      checklistId: created.json().id,
      version: process.version,
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const keys = phase(applied.json(), 3).items.map((i) => i.key);
    expect(keys).toContain("3-survey-grades");
    expect(keys).not.toContain("3-gaps");
    // Phase 1 is under way and keeps its items.
    expect(phase(applied.json(), 1).items.map((i) => i.id)).toEqual(
      phase(process, 1).items.map((i) => i.id),
    );
  });
});

describe("board overview", () => {
  it("shows every member's process to the collaboration and exports it", async () => {
    const region = await buildRegion(t.db);
    const collaboration = await buildCollaboration(t.db, region.id);
    const a = await buildMunicipality(t.db, { parentId: collaboration.id });
    const b = await buildMunicipality(t.db, { parentId: collaboration.id });
    const coordinator = await actorWith(t, "coordinator", collaboration.id);
    for (const m of [a, b]) {
      const res = await callProcess(t, "POST", "/processes", coordinator.headers, {
        organisationId: m.id,
        collaborationId: collaboration.id,
        startedOn: "2026-01-05",
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await callProcess(t, "POST", "/processes", coordinator.headers, {
      organisationId: (await buildArea(t.db, a.id)).id,
      startedOn: "2026-01-05",
    });
    const board = await actorWith(t, "reader", collaboration.id);
    const q = `collaborationId=${collaboration.id}`;
    const res = await callProcess(t, "GET", `/overview?${q}`, board.headers);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as { organisationName: string; currentPhase: number }[];
    expect(rows.map((r) => r.organisationName).sort()).toEqual([a.name, b.name].sort());
    expect(rows.every((r) => r.currentPhase === 1)).toBe(true);

    // A member municipality's reader sees only its own row.
    const memberReader = await actorWith(t, "reader", a.id);
    const own = await callProcess(t, "GET", `/overview?${q}`, memberReader.headers);
    expect(own.json().rows.map((r: { organisationName: string }) => r.organisationName)).toEqual([
      a.name,
    ]);

    const csv = await callProcess(t, "GET", `/overview.csv?${q}`, board.headers);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("Nästa beslut");
    expect(csv.body).toContain(a.name);
    const xlsx = await callProcess(t, "GET", `/overview.csv?${q}&format=xlsx`, board.headers);
    expect(xlsx.headers["content-type"]).toMatch(/spreadsheetml/);
    const pdf = await callProcess(t, "GET", `/overview.pdf?${q}`, board.headers);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await actions(collaboration.id)).toEqual([
      "process.overview.export",
      "process.overview.export",
      "process.overview.export",
    ]);
    const notCollaboration = await callProcess(
      t,
      "GET",
      `/overview?collaborationId=${a.id}`,
      board.headers,
    );
    expect(notCollaboration.statusCode).toBe(404);
  });
});

describe("home page", () => {
  it("shows items due to the responsible person and ready phases to coordinators", async () => {
    const { municipality, coordinator, process } = await started();
    const h = coordinator.headers;
    const item = phase(process, 1).items[0]!;
    await callProcess(t, "PATCH", `/processes/${process.id}/items/${item.id}`, h, {
      responsibleId: coordinator.user.id,
      dueOn: "2026-01-20",
      version: item.version,
    });
    const home = async (headers: object) => {
      const res = await t.app.inject({
        url: "/api/home",
        headers: headers as Record<string, string>,
      });
      expect(res.statusCode, res.body).toBe(200);
      return (
        (res.json().parts as { module: string; items: { kind: string; count: number }[] }[]).find(
          (p) => p.module === "process",
        )?.items ?? []
      );
    };
    expect((await home(h)).map((i) => i.kind)).toEqual(["itemsDue"]);
    const reader = await actorWith(t, "reader", municipality.id);
    expect(await home(reader.headers)).toEqual([]);
    const stranger = await actorWith(t, "coordinator", (await buildMunicipality(t.db)).id);
    expect(await home(stranger.headers)).toEqual([]);

    const settled = await settle(
      h,
      (await callProcess(t, "GET", `/processes/${process.id}`, h)).json(),
      1,
    );
    expect(settled.currentPhase).toBe(1);
    expect((await home(h)).map((i) => i.kind)).toEqual(["phasesReady"]);
    expect(await home(reader.headers)).toEqual([]);
  });
});
