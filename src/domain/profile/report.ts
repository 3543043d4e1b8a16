import { z } from "zod";
import { noteText } from "../shared/schemas.ts";

/**
 * The query of the area profile report (GET /api/profile/waves/:id/report.pdf): which part of
 * the wave it covers (as the profile page's filters) and the board-paper facts of its first page.
 */
export const ProfileReportQuerySchema = z.strictObject({
  groupSetId: z.uuid().optional().describe("Areas grouped by this area group set"),
  area: z
    .string()
    .max(100)
    .optional()
    .describe("Area or group id; the whole municipality when omitted"),
  grade: z.string().max(20).optional(),
  gender: z.string().max(20).optional(),
  author: noteText(120).optional().describe("Who prepared the report (Upprättad av)"),
  unit: noteText(120).optional().describe("Responsible unit (Ansvarig enhet)"),
  reference: noteText(60).optional().describe("Reference number (diarienummer)"),
});
export type ProfileReportQuery = z.infer<typeof ProfileReportQuerySchema>;
