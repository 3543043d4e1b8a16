import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/database.ts";
import {
  acceptDocument,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_TYPE_REFUSAL,
  safeFileName,
} from "../../domain/process/documents.ts";
import {
  DocumentDeleteQuerySchema,
  DocumentParamsSchema,
  DocumentUploadQuerySchema,
  ItemParamsSchema,
  ProcessDetailSchema,
} from "../../domain/process/schemas.ts";
import { BadRequestError, NotFoundError } from "../plugins/errors.ts";
import { route } from "../plugins/route.ts";
import { bodyBytes } from "../profile/raw-body.ts";
import { contentDisposition } from "../reports/index.ts";
import { deleteDocument } from "./commands/delete-document.ts";
import { uploadDocument } from "./commands/upload-document.ts";
import { loadProcessDetail } from "./detail.ts";
import { findDocument } from "./document-queries.ts";
import { findItem } from "./queries.ts";
import { acceptRawUploads } from "./raw-body.ts";
import { PREFIX, processTarget, tags } from "./route-parts.ts";

const DOCUMENTS = `${PREFIX}/processes/:id/items/:itemId/documents`;

/** Documents uploaded as a milestone's evidence: upload, download, delete. */
export function registerDocumentRoutes(app: FastifyInstance, deps: { db: Db }): void {
  acceptRawUploads(app, [DOCUMENTS]);

  // The body is the file itself (application/octet-stream from the web app).
  route(app, deps, {
    method: "POST",
    url: DOCUMENTS,
    summary: "Upload a document as a milestone's evidence",
    description:
      "The body is the file, at most 10 MB: PDF, DOCX, XLSX, ODT, PNG, JPEG or plain text, judged by its content; its name must end as its type. Listed on the item as evidence of kind document.",
    access: { permission: "community.edit" },
    schema: {
      tags,
      params: ItemParamsSchema,
      querystring: DocumentUploadQuerySchema,
      response: { 201: ProcessDetailSchema },
    },
    status: 201,
    ...processTarget,
    authorize: { action: "process.edit" },
    run: async (call) => {
      const { db, target, params, query, request } = call;
      const found = await findItem(db, target.id, params.itemId);
      if (!found) throw new NotFoundError("Punkten finns inte.");
      const bytes = await bodyBytes(request.body, DOCUMENT_MAX_BYTES);
      if (bytes === null) throw new BadRequestError("Filen är för stor (högst 10 MB).");
      if (bytes.length === 0) throw new BadRequestError("Filen är tom.");
      const fileName = safeFileName(query.name);
      const type = acceptDocument(fileName, bytes);
      if (!type) throw new BadRequestError(DOCUMENT_TYPE_REFUSAL);
      await uploadDocument(
        db,
        {
          audit: call.audit,
          actorId: call.ctx.actor.userId,
          organisationId: target.organisationId,
          processId: target.id,
        },
        params.itemId,
        { fileName, type, bytes, version: query.version },
      );
      return loadProcessDetail(db, call.ctx, target, found.cycle.id);
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${DOCUMENTS}/:documentId`,
    summary: "Download a milestone's document",
    produces: { file: "application/octet-stream", description: "The file as uploaded" },
    access: { permission: "community.read" },
    schema: { tags, params: DocumentParamsSchema },
    ...processTarget,
    authorize: { action: "process.read" },
    run: async ({ db, target, params, reply, record }) => {
      const document = await findDocument(db, {
        processId: target.id,
        itemId: params.itemId,
        documentId: params.documentId,
      });
      if (!document) throw new NotFoundError("Dokumentet finns inte.");
      await record({
        action: "process.document.download",
        subjectType: "process_item",
        subjectId: params.itemId,
        organisationId: target.organisationId,
        details: { documentId: document.id, sha256: document.sha256 },
      });
      reply
        .header("content-type", document.contentType)
        .header("content-disposition", contentDisposition(document.fileName))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store");
      return document.bytes;
    },
  });

  route(app, deps, {
    method: "DELETE",
    url: `${DOCUMENTS}/:documentId`,
    summary: "Delete a milestone's document",
    description: "The file and its evidence row; refused on a closed cycle.",
    access: { permission: "community.edit" },
    schema: {
      tags,
      params: DocumentParamsSchema,
      querystring: DocumentDeleteQuerySchema,
      response: { 200: ProcessDetailSchema },
    },
    transaction: true,
    ...processTarget,
    authorize: { action: "process.edit" },
    run: async (call) => {
      const { db, target, params, query } = call;
      const found = await findItem(db, target.id, params.itemId);
      if (!found) throw new NotFoundError("Punkten finns inte.");
      await deleteDocument(
        db,
        {
          audit: call.audit,
          actorId: call.ctx.actor.userId,
          organisationId: target.organisationId,
        },
        params.itemId,
        params.documentId,
        query.version,
      );
      return loadProcessDetail(db, call.ctx, target, found.cycle.id);
    },
  });
}
