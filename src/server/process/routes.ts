import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { IdParamsSchema } from "../../domain/platform/schemas.ts";
import {
  ChecklistCreateBodySchema,
  ChecklistSchema,
  CycleCreateBodySchema,
  CycleParamsSchema,
  EvidenceCreateBodySchema,
  EvidenceParamsSchema,
  ItemParamsSchema,
  ItemUpdateBodySchema,
  PhaseCompleteBodySchema,
  PhaseParamsSchema,
  ProcessCreateBodySchema,
  ProcessDetailSchema,
  ProcessListQuerySchema,
  ProcessSummarySchema,
  ProcessUpdateBodySchema,
  ResponsibleCandidateSchema,
} from "../../domain/process/schemas.ts";
import { can } from "../plugins/access.ts";
import { BadRequestError, NotFoundError } from "../plugins/errors.ts";
import { type RouteInput, route } from "../plugins/route.ts";
import { findAssessment } from "../readiness/queries.ts";
import { addEvidence } from "./commands/add-evidence.ts";
import { completePhase } from "./commands/complete-phase.ts";
import { createChecklist } from "./commands/create-checklist.ts";
import { removeEvidence } from "./commands/remove-evidence.ts";
import { startCycle } from "./commands/start-cycle.ts";
import { startProcess } from "./commands/start-process.ts";
import { updateItem } from "./commands/update-item.ts";
import { updateProcess } from "./commands/update-process.ts";
import { loadProcessDetail, loadSummaries } from "./detail.ts";
import { registerOverviewRoutes } from "./overview-routes.ts";
import { presentBuiltInChecklist, presentChecklist, presentSummary } from "./presenters.ts";
import {
  type ChecklistRow,
  findChecklist,
  findCycle,
  findItem,
  findOrganisation,
  findProcess,
  isAncestor,
  isResponsibleCandidate,
  listChecklists,
  listProcesses,
  openCycle,
  responsibleCandidates,
} from "./queries.ts";

export const tags = ["process"];
export const PREFIX = "/api/process";

const processTarget = {
  load: ({ db, params }: RouteInput<{ params: z.ZodType<{ id: string }> }>) =>
    findProcess(db, params.id),
  notFound: "Processen finns inte.",
};

const invalid = (path: string, message: string) =>
  new BadRequestError("Uppgifterna är inte giltiga.", [{ path, message }]);

/** A checklist version the caller may build on, or a 400 naming the field. */
async function usableChecklist(
  input: Pick<RouteInput<unknown>, "db" | "ctx">,
  id: string | null | undefined,
  field: string,
): Promise<ChecklistRow | null> {
  if (!id) return null;
  const row = await findChecklist(input.db, id);
  if (!row || !(await can(input.ctx, "process.checklist.read", row))) {
    throw invalid(field, "Checklistan finns inte.");
  }
  return row;
}

/** A collaboration above the community, or a 400: the board overview is the collaboration's. */
async function usableCollaboration(
  db: RouteInput<unknown>["db"],
  collaborationId: string | null | undefined,
  organisationId: string,
) {
  if (!collaborationId) return;
  const org = await findOrganisation(db, collaborationId);
  if (org?.kind !== "collaboration" || !(await isAncestor(db, collaborationId, organisationId))) {
    throw invalid("collaborationId", "Välj en samverkan som kommunen eller området ingår i.");
  }
}

export function registerProcessRoutes(app: FastifyInstance, deps: { db: Db }): void {
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/checklists`,
    summary: "List milestone checklists",
    description: "Paraply's own checklist and the versions of the caller's organisations.",
    access: { permission: "community.read" },
    schema: {
      tags,
      response: { 200: z.array(ChecklistSchema.extend({ id: z.uuid().nullable() })) },
    },
    run: async ({ db, ctx }) => [
      presentBuiltInChecklist(),
      ...(await listChecklists(db, await ctx.lineage("community.read"))).map(presentChecklist),
    ],
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/checklists`,
    summary: "Create a checklist version",
    description: "A copy of a checklist, edited, as the organisation's next version.",
    access: { permission: "community.edit" },
    schema: { tags, body: ChecklistCreateBodySchema, response: { 201: ChecklistSchema } },
    status: 201,
    transaction: true,
    authorize: {
      action: "process.checklist.create",
      target: ({ body }) => ({ organisationId: body.organisationId }),
    },
    run: async (call) => {
      const base = await usableChecklist(call, call.body.baseChecklistId, "baseChecklistId");
      const row = await createChecklist(
        call.db,
        { audit: call.audit, actorId: call.ctx.actor.userId },
        call.body,
        base,
      );
      return presentChecklist(row);
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/processes`,
    summary: "List prevention processes",
    description: "The processes of the communities the caller may read.",
    access: { permission: "community.read" },
    schema: {
      tags,
      querystring: ProcessListQuerySchema,
      response: { 200: z.array(ProcessSummarySchema) },
    },
    run: async ({ db, ctx, query }) => {
      const processes = await listProcesses(db, await ctx.lineage("community.read"), query);
      const { latest, phases, counts } = await loadSummaries(db, processes);
      return processes.map((p) => presentSummary(p, latest.get(p.id), phases, counts));
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/processes`,
    summary: "Start a prevention process",
    description: "For a community: its first cycle starts in phase 1 with the chosen checklist.",
    access: { permission: "community.edit" },
    schema: { tags, body: ProcessCreateBodySchema, response: { 201: ProcessDetailSchema } },
    status: 201,
    transaction: true,
    authorize: {
      action: "process.create",
      target: ({ body }) => ({ organisationId: body.organisationId }),
    },
    run: async (call) => {
      const { db, body } = call;
      const org = await findOrganisation(db, body.organisationId);
      if (!org || !["municipality", "area", "collaboration"].includes(org.kind)) {
        throw invalid("organisationId", "Välj en kommun, en stadsdel eller ett område.");
      }
      await usableCollaboration(db, body.collaborationId, body.organisationId);
      const checklist = await usableChecklist(call, body.checklistId, "checklistId");
      const id = await startProcess(
        db,
        { audit: call.audit, actorId: call.ctx.actor.userId },
        { ...body, name: body.name ?? org.name },
        checklist,
      );
      return loadProcessDetail(db, call.ctx, (await findProcess(db, id))!);
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/processes/:id`,
    summary: "Read a prevention process",
    description: "Its cycles, the open cycle's phases and milestones, linked work and abilities.",
    access: { permission: "community.read" },
    schema: { tags, params: IdParamsSchema, response: { 200: ProcessDetailSchema } },
    ...processTarget,
    authorize: { action: "process.read" },
    run: ({ db, ctx, target }) => loadProcessDetail(db, ctx, target),
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/processes/:id/cycles/:cycleId`,
    summary: "Read a cycle of a process",
    description: "The process with the given cycle, open or closed, shown in full.",
    access: { permission: "community.read" },
    schema: { tags, params: CycleParamsSchema, response: { 200: ProcessDetailSchema } },
    ...processTarget,
    authorize: { action: "process.read" },
    run: async ({ db, ctx, target, params }) => {
      if (!(await findCycle(db, target.id, params.cycleId))) {
        throw new NotFoundError("Cykeln finns inte.");
      }
      return loadProcessDetail(db, ctx, target, params.cycleId);
    },
  });

  route(app, deps, {
    method: "PATCH",
    url: `${PREFIX}/processes/:id`,
    summary: "Change a prevention process",
    description:
      "Vision, actors, key leaders, board, promotive part or checklist version (versioned).",
    access: "session",
    schema: {
      tags,
      params: IdParamsSchema,
      body: ProcessUpdateBodySchema,
      response: { 200: ProcessDetailSchema },
    },
    transaction: true,
    ...processTarget,
    authorize: { action: "process.edit" },
    run: async (call) => {
      const { db, body, target } = call;
      if (body.collaborationId !== undefined) {
        await usableCollaboration(db, body.collaborationId, target.organisationId);
      }
      const checklist =
        body.checklistId === undefined
          ? undefined
          : await usableChecklist(call, body.checklistId, "checklistId");
      await updateProcess(db, { audit: call.audit }, target.id, body, checklist);
      return loadProcessDetail(db, call.ctx, (await findProcess(db, target.id))!);
    },
  });

  route(app, deps, {
    method: "PATCH",
    url: `${PREFIX}/processes/:id/items/:itemId`,
    summary: "Change a milestone",
    description: "Status, responsible person, due date and notes, from the version read.",
    access: "session",
    schema: {
      tags,
      params: ItemParamsSchema,
      body: ItemUpdateBodySchema,
      response: { 200: ProcessDetailSchema },
    },
    transaction: true,
    ...processTarget,
    authorize: { action: "process.edit" },
    run: async (call) => {
      const { db, body, target, params } = call;
      const found = await findItem(db, target.id, params.itemId);
      if (!found) throw new NotFoundError("Punkten finns inte.");
      if (
        body.responsibleId &&
        !(await isResponsibleCandidate(db, target.organisationId, body.responsibleId))
      ) {
        throw invalid("responsibleId", "Personen arbetar inte i kommunen eller området.");
      }
      await updateItem(
        db,
        {
          audit: call.audit,
          actorId: call.ctx.actor.userId,
          organisationId: target.organisationId,
        },
        params.itemId,
        body,
      );
      return loadProcessDetail(db, call.ctx, target, found.cycle.id);
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/processes/:id/items/:itemId/evidence`,
    summary: "Link evidence to a milestone",
    description:
      "A Paraply record (readiness assessment now; profile wave, prioritisation, action plan, decision as those modules arrive) or a document's address.",
    access: "session",
    schema: {
      tags,
      params: ItemParamsSchema,
      body: EvidenceCreateBodySchema,
      response: { 201: ProcessDetailSchema },
    },
    status: 201,
    transaction: true,
    ...processTarget,
    authorize: { action: "process.edit" },
    run: async (call) => {
      const { db, body, target, params } = call;
      const found = await findItem(db, target.id, params.itemId);
      if (!found) throw new NotFoundError("Punkten finns inte.");
      const input = { ...body };
      if (input.kind === "readiness_assessment") {
        const assessment = await findAssessment(db, input.recordId);
        if (
          !assessment ||
          assessment.organisationId !== target.organisationId ||
          !(await can(call.ctx, "readiness.read", assessment))
        ) {
          throw invalid("recordId", "Beredskapsmätningen finns inte för den här kommunen.");
        }
        input.title ??= `${assessment.periodStart} – ${assessment.periodEnd}`;
      }
      await addEvidence(
        db,
        {
          audit: call.audit,
          actorId: call.ctx.actor.userId,
          organisationId: target.organisationId,
        },
        params.itemId,
        input,
      );
      return loadProcessDetail(db, call.ctx, target, found.cycle.id);
    },
  });

  route(app, deps, {
    method: "DELETE",
    url: `${PREFIX}/processes/:id/items/:itemId/evidence/:evidenceId`,
    summary: "Remove evidence from a milestone",
    access: "session",
    schema: { tags, params: EvidenceParamsSchema, response: { 200: ProcessDetailSchema } },
    transaction: true,
    ...processTarget,
    authorize: { action: "process.edit" },
    run: async (call) => {
      const { db, target, params } = call;
      const found = await findItem(db, target.id, params.itemId);
      if (!found) throw new NotFoundError("Punkten finns inte.");
      await removeEvidence(
        db,
        { audit: call.audit, organisationId: target.organisationId },
        params.itemId,
        params.evidenceId,
      );
      return loadProcessDetail(db, call.ctx, target, found.cycle.id);
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/processes/:id/phases/:phase/complete`,
    summary: "Complete a phase",
    description:
      "The audited decision that the open cycle's current phase is done; refused while required milestones are open. Completing phase 5 closes the cycle.",
    access: "session",
    schema: {
      tags,
      params: PhaseParamsSchema,
      body: PhaseCompleteBodySchema,
      response: { 200: ProcessDetailSchema },
    },
    transaction: true,
    ...processTarget,
    authorize: { action: "process.edit" },
    run: async (call) => {
      const { db, body, target, params } = call;
      const cycle = await openCycle(db, target.id);
      if (!cycle) {
        throw new BadRequestError("Ingen cykel pågår. Starta en ny cykel för att arbeta vidare.");
      }
      await completePhase(
        db,
        {
          audit: call.audit,
          actorId: call.ctx.actor.userId,
          organisationId: target.organisationId,
        },
        cycle.id,
        params.phase,
        body,
      );
      return loadProcessDetail(db, call.ctx, target, cycle.id);
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/processes/:id/cycles`,
    summary: "Start a new cycle",
    description: "After phase 5 the work starts again at phase 2; refused while a cycle is open.",
    access: "session",
    schema: {
      tags,
      params: IdParamsSchema,
      body: CycleCreateBodySchema,
      response: { 201: ProcessDetailSchema },
    },
    status: 201,
    transaction: true,
    ...processTarget,
    authorize: { action: "process.edit" },
    run: async (call) => {
      const { db, body, target } = call;
      const checklist = target.checklistId ? (await findChecklist(db, target.checklistId))! : null;
      const cycleId = await startCycle(
        db,
        {
          audit: call.audit,
          actorId: call.ctx.actor.userId,
          organisationId: target.organisationId,
        },
        target.id,
        body,
        checklist,
      );
      return loadProcessDetail(db, call.ctx, target, cycleId);
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/processes/:id/responsible-candidates`,
    summary: "List who may be responsible for milestones",
    access: "session",
    schema: {
      tags,
      params: IdParamsSchema,
      response: { 200: z.array(ResponsibleCandidateSchema) },
    },
    // Colleagues' names: staff personal data.
    personalData: true,
    ...processTarget,
    authorize: { action: "process.edit" },
    run: ({ db, target }) => responsibleCandidates(db, target.organisationId),
    audit: ({ target }, result) => ({
      action: "process.responsible.candidates",
      subjectType: "process",
      subjectId: target.id,
      organisationId: target.organisationId,
      personalData: true,
      details: { rows: result.length },
    }),
  });

  registerOverviewRoutes(app, deps);
}
