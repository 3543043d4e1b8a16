import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { IdParamsSchema } from "../../domain/platform/schemas.ts";
import {
  CycleCreateBodySchema,
  EvidenceCreateBodySchema,
  EvidenceParamsSchema,
  ItemParamsSchema,
  ItemUpdateBodySchema,
  PhaseCompleteBodySchema,
  PhaseParamsSchema,
  ProcessDetailSchema,
  ResponsibleCandidateSchema,
} from "../../domain/process/schemas.ts";
import { can } from "../plugins/access.ts";
import { BadRequestError, NotFoundError } from "../plugins/errors.ts";
import { route } from "../plugins/route.ts";
import { readableProfileRecords } from "../profile/process-links.ts";
import { findAssessment } from "../readiness/queries.ts";
import { addEvidence } from "./commands/add-evidence.ts";
import { completePhase } from "./commands/complete-phase.ts";
import { removeEvidence } from "./commands/remove-evidence.ts";
import { startCycle } from "./commands/start-cycle.ts";
import { updateItem } from "./commands/update-item.ts";
import { loadProcessDetail } from "./detail.ts";
import {
  findChecklist,
  findItem,
  isResponsibleCandidate,
  openCycle,
  responsibleCandidates,
} from "./queries.ts";
import { invalid, PREFIX, processTarget, tags } from "./route-parts.ts";

/** The work inside a process: milestones, evidence, phase decisions, cycles. */
export function registerWorkRoutes(app: FastifyInstance, deps: { db: Db }): void {
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
      "A Paraply record (readiness assessment, profile wave or prioritisation now; action plan, decision as those modules arrive) or a document's address.",
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
      if (input.kind === "profile_wave" || input.kind === "prioritisation") {
        // Found without a reader filter, then judged by the profile module's own read rule.
        const record = (
          await readableProfileRecords(db, null, {
            waves: input.kind === "profile_wave" ? [input.recordId] : [],
            prioritisations: input.kind === "prioritisation" ? [input.recordId] : [],
          })
        ).get(input.recordId);
        if (
          !record ||
          record.organisationId !== target.organisationId ||
          !(await can(call.ctx, "profile.wave.read", record))
        ) {
          throw invalid(
            "recordId",
            input.kind === "profile_wave"
              ? "Enkätomgången finns inte för den här kommunen."
              : "Prioriteringen finns inte för den här kommunen.",
          );
        }
        input.title ??= record.title;
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
}
