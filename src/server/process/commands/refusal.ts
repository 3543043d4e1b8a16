import type { Refusal } from "../../../domain/process/rules.ts";
import { ConflictError } from "../../plugins/errors.ts";

/** A transition the rules refuse: 409 with the rule's own explanation. */
export function refused(refusal: Refusal): ConflictError {
  return new ConflictError(refusal.message.sv, refusal.code);
}

export function staleVersion(what: string): ConflictError {
  return new ConflictError(
    `Någon annan har ändrat ${what} sedan du öppnade den. Ladda om sidan och gör ändringen igen.`,
    "stale_version",
  );
}
