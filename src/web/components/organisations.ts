import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import type { z } from "zod";
import type { OrganisationSchema } from "../../domain/platform/schemas.ts";
import { type ApiError, get } from "../api.ts";
import { areaTypeName, kindName, sectorName } from "./labels.ts";

export type Organisation = z.infer<typeof OrganisationSchema>;

export function useOrganisations() {
  return useQuery<Organisation[], ApiError>({
    queryKey: ["organisations"],
    queryFn: () => get<Organisation[]>("/api/organisations"),
  });
}

export function organisationLabel(t: TFunction, org: Organisation): string {
  const extra = org.sector
    ? sectorName(t, org.sector)
    : org.areaType
      ? areaTypeName(t, org.areaType)
      : org.municipalityCode;
  return `${org.name} (${kindName(t, org.kind)}${extra ? `, ${extra}` : ""})`;
}
