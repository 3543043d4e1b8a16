import type { FastifyInstance } from "fastify";
import type { Tx } from "../../db/database.ts";
import { RECORD_WRITERS } from "../../domain/support/record-writers.ts";
import {
  CandidateListSchema,
  CoordinatorAssignBodySchema,
  SipListSchema,
  SipParamsSchema,
  SipSaveBodySchema,
  SipSchema,
  SipStatusBodySchema,
  SipUpdateBodySchema,
  TeamCreateBodySchema,
  TeamMemberAddBodySchema,
  TeamParamsSchema,
  TeamsSchema,
} from "../../domain/support/records-schemas.ts";
import { CaseIdParamsSchema } from "../../domain/support/schemas.ts";
import { ageBandTeam } from "../../domain/support/teams.ts";
import type { ModuleDeps } from "../module.ts";
import { NotFoundError } from "../plugins/errors.ts";
import { type RouteCall, route } from "../plugins/route.ts";
import { contentDisposition } from "../reports/index.ts";
import { forgetCaseAccess, holdsRole } from "./case-access.ts";
import { PREFIX, tags } from "./case-routes.ts";
import { addTeamMember } from "./commands/add-team-member.ts";
import { assignCoordinator } from "./commands/assign-coordinator.ts";
import { formTeam } from "./commands/form-team.ts";
import { createSip, updateSip } from "./commands/save-sip.ts";
import { setSipStatus } from "./commands/set-sip-status.ts";
import { recordCase, recordsReadEntry, swedishToday } from "./records-context.ts";
import { presentSip, sipContent } from "./records-presenters.ts";
import {
  caseBasics,
  coordinatorsOf,
  municipalityName,
  roleCandidates,
  sipById,
  sipsOf,
  teamById,
  teamsOf,
} from "./records-queries.ts";
import { renderSipReport, sipReportFileName } from "./sip-report.ts";

type Call = Pick<RouteCall<unknown, unknown>, "db" | "ctx">;

/** Coordinator, teams and who may change them: read with the summary part. */
async function teamsView(call: Call, caseId: string) {
  const c = await recordCase(call, caseId, "summary");
  const [basics, coordinators, teams] = await Promise.all([
    caseBasics(call.db, caseId),
    coordinatorsOf(call.db, caseId),
    teamsOf(call.db, caseId),
  ]);
  const coordinator = coordinators[0];
  return {
    c,
    view: {
      coordinator: coordinator
        ? { userId: coordinator.userId, name: coordinator.name, accessId: coordinator.accessId }
        : null,
      suggestedKind: basics?.birthDate ? ageBandTeam(basics.birthDate, swedishToday()) : null,
      teams: teams.map((t) => ({
        id: t.id,
        kind: t.kind,
        formedAt: t.formedAt.toISOString(),
        members: t.members.map((m) => ({
          userId: m.userId,
          name: m.name,
          organisationName: m.organisationName,
          accessId: m.accessId,
          live: m.live,
        })),
      })),
      canManage: holdsRole(c.grant, RECORD_WRITERS.escalation),
    },
  };
}

async function sipOf(call: Call, caseId: string, sipId: string) {
  const sip = await sipById(call.db, caseId, sipId);
  if (!sip) throw new NotFoundError();
  return sip;
}

const escalation = (id: string) => ({ caseId: id, scope: "summary", part: "escalation" }) as const;
const sipWrite = (id: string) => ({ caseId: id, scope: "plan", part: "sip" }) as const;

/** Escalation (support coordinator and teams) and the SIP with its PDF for the family. */
export function registerPlanRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases/:id/teams`,
    summary: "Support coordinator and teams of a case",
    access: "session",
    personalData: true,
    schema: { tags, params: CaseIdParamsSchema, response: { 200: TeamsSchema } },
    authorize: {
      action: "case.read",
      target: ({ params }) => ({ caseId: params.id, scope: "summary" }),
    },
    run: async (call) => {
      const { c, view } = await teamsView(call, call.params.id);
      await call.record(recordsReadEntry(c, "support.teams.read", "summary"));
      return view;
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases/:id/role-candidates`,
    summary: "Practitioners who can be given a role in a case",
    description:
      "For whoever may assign the support coordinator and add team members: names and units of the practitioners in the child's municipality and its collaboration.",
    access: "session",
    personalData: true,
    schema: { tags, params: CaseIdParamsSchema, response: { 200: CandidateListSchema } },
    // The same door as the assignment itself: no write access, no list (and a 404, as always).
    authorize: { action: "support.records.write", target: ({ params }) => escalation(params.id) },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "summary");
      const items = await roleCandidates(call.db, c.municipalityId);
      await call.record(
        recordsReadEntry(c, "support.role.candidates", "summary", { rows: items.length }),
      );
      return { items };
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/coordinator`,
    summary: "Assign a support coordinator",
    description:
      "Escalation when the child needs several organisations at once: the person gets support-coordinator access to the case.",
    access: "session",
    status: 201,
    schema: {
      tags,
      params: CaseIdParamsSchema,
      body: CoordinatorAssignBodySchema,
      response: { 201: TeamsSchema },
    },
    authorize: { action: "support.records.write", target: ({ params }) => escalation(params.id) },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "summary");
      await assignCoordinator(call.db as Tx, call.audit, c, call.body.userId, swedishToday());
      forgetCaseAccess(call.ctx, c.caseId);
      return (await teamsView(call, c.caseId)).view;
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/teams`,
    summary: "Form a team around a case",
    description: "A child team by age band (0–6, 6–12, 12–18) or an individual team.",
    access: "session",
    status: 201,
    schema: {
      tags,
      params: CaseIdParamsSchema,
      body: TeamCreateBodySchema,
      response: { 201: TeamsSchema },
    },
    authorize: { action: "support.records.write", target: ({ params }) => escalation(params.id) },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "summary");
      await formTeam(call.db as Tx, call.audit, c, call.body.kind, swedishToday());
      return (await teamsView(call, c.caseId)).view;
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/teams/:teamId/members`,
    summary: "Add a team member",
    description: "The member gets team-member access to the case.",
    access: "session",
    status: 201,
    schema: {
      tags,
      params: TeamParamsSchema,
      body: TeamMemberAddBodySchema,
      response: { 201: TeamsSchema },
    },
    authorize: { action: "support.records.write", target: ({ params }) => escalation(params.id) },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "summary");
      const team = await teamById(call.db, c.caseId, call.params.teamId);
      if (!team) throw new NotFoundError();
      await addTeamMember(call.db as Tx, call.audit, { ...c, teamId: team.id }, call.body);
      return (await teamsView(call, c.caseId)).view;
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases/:id/sips`,
    summary: "The SIPs of a case",
    access: "session",
    personalData: true,
    schema: { tags, params: CaseIdParamsSchema, response: { 200: SipListSchema } },
    authorize: {
      action: "case.read",
      target: ({ params }) => ({ caseId: params.id, scope: "plan" }),
    },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "plan");
      const rows = await sipsOf(call.db, c.caseId);
      await call.record(recordsReadEntry(c, "support.sip.list", "plan"));
      return { sips: rows.map(presentSip) };
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/sips`,
    summary: "Start a SIP",
    description: "As a draft; it is agreed once it has what the law requires.",
    access: "session",
    status: 201,
    schema: {
      tags,
      params: CaseIdParamsSchema,
      body: SipSaveBodySchema,
      response: { 201: SipSchema },
    },
    authorize: { action: "support.records.write", target: ({ params }) => sipWrite(params.id) },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "plan");
      const id = await createSip(call.db as Tx, call.audit, c, call.body);
      return presentSip(await sipOf(call, c.caseId, id));
    },
  });

  route(app, deps, {
    method: "PUT",
    url: `${PREFIX}/cases/:id/sips/:sipId`,
    summary: "Change a SIP",
    access: "session",
    schema: {
      tags,
      params: SipParamsSchema,
      body: SipUpdateBodySchema,
      response: { 200: SipSchema },
    },
    authorize: { action: "support.records.write", target: ({ params }) => sipWrite(params.id) },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "plan");
      const before = await sipOf(call, c.caseId, call.params.sipId);
      await updateSip(
        call.db as Tx,
        call.audit,
        { ...c, sipId: before.id, meetingOnBefore: before.meetingOn },
        call.body,
      );
      return presentSip(await sipOf(call, c.caseId, before.id));
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/sips/:sipId/status`,
    summary: "Agree a SIP or mark it followed up",
    description:
      "Agreeing needs the law's content points, a meeting with participants and a later follow-up date.",
    access: "session",
    schema: {
      tags,
      params: SipParamsSchema,
      body: SipStatusBodySchema,
      response: { 200: SipSchema },
    },
    authorize: { action: "support.records.write", target: ({ params }) => sipWrite(params.id) },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "plan");
      const sip = await sipOf(call, c.caseId, call.params.sipId);
      await setSipStatus(
        call.db as Tx,
        call.audit,
        { ...c, sipId: sip.id, content: sipContent(sip) },
        call.body.status,
        call.body.version,
      );
      return presentSip(await sipOf(call, c.caseId, sip.id));
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases/:id/sips/:sipId/report.pdf`,
    summary: "Download a SIP as PDF for the family",
    description: "A tagged, accessible PDF in plain Swedish.",
    produces: { file: "application/pdf", description: "The SIP as a tagged PDF" },
    access: "session",
    personalData: true,
    schema: { tags, params: SipParamsSchema },
    authorize: {
      action: "case.read",
      target: ({ params }) => ({ caseId: params.id, scope: "plan" }),
    },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "plan");
      const sip = await sipOf(call, c.caseId, call.params.sipId);
      const [basics, municipality] = await Promise.all([
        caseBasics(call.db, c.caseId),
        municipalityName(call.db, c.municipalityId),
      ]);
      const content = sipContent(sip);
      const generatedAt = new Date();
      const { pdf } = await renderSipReport({
        ...content,
        childName: basics?.givenName
          ? `${basics.givenName} ${basics.familyName}`
          : (basics?.label ?? "barnet"),
        municipalityName: municipality,
        overallResponsibleName: sip.overallResponsibleName,
        minutes: sip.minutes,
        childVoice: sip.childVoice,
        agreed: sip.status !== "draft",
        generatedAt,
      });
      await call.record(recordsReadEntry(c, "support.sip.report", "plan", { sipId: sip.id }));
      call.reply
        .header("content-type", "application/pdf")
        .header("content-disposition", contentDisposition(sipReportFileName(generatedAt)));
      return pdf;
    },
  });
}
