import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { IdParamsSchema } from "../../domain/platform/schemas.ts";
import {
  ChecklistCreateBodySchema,
  ChecklistSchema,
  CycleParamsSchema,
  ProcessCreateBodySchema,
  ProcessDetailSchema,
  ProcessListQuerySchema,
  ProcessSummarySchema,
  ProcessUpdateBodySchema,
} from "../../domain/process/schemas.ts";
import { can } from "../plugins/access.ts";
import { NotFoundError } from "../plugins/errors.ts";
import { type RouteInput, route } from "../plugins/route.ts";
import { createChecklist } from "./commands/create-checklist.ts";
import { startProcess } from "./commands/start-process.ts";
import { updateProcess } from "./commands/update-process.ts";
import { loadProcessDetail, loadSummaries } from "./detail.ts";
import { registerDocumentRoutes } from "./document-routes.ts";
import { registerOverviewRoutes } from "./overview-routes.ts";
import { presentBuiltInChecklist, presentChecklist, presentSummary } from "./presenters.ts";
import {
  type ChecklistRow,
  findChecklist,
  findCycle,
  findOrganisation,
  findProcess,
  isAncestor,
  listChecklists,
  listProcesses,
} from "./queries.ts";
import { invalid, PREFIX, processTarget, tags } from "./route-parts.ts";
import { registerWorkRoutes } from "./work-routes.ts";

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

  registerWorkRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerOverviewRoutes(app, deps);
}
