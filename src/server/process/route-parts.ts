import type { z } from "zod";
import { BadRequestError } from "../plugins/errors.ts";
import type { RouteInput } from "../plugins/route.ts";
import { findProcess } from "./queries.ts";

export const tags = ["process"];
export const PREFIX = "/api/process";

/** How every route on one process loads its target: 404 when there is none. */
export const processTarget = {
  load: ({ db, params }: RouteInput<{ params: z.ZodType<{ id: string }> }>) =>
    findProcess(db, params.id),
  notFound: "Processen finns inte.",
};

/** A 400 naming the field, for checks the contract cannot make because they need the database. */
export const invalid = (path: string, message: string) =>
  new BadRequestError("Uppgifterna är inte giltiga.", [{ path, message }]);
