import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { MeSchema } from "../../domain/platform/schemas.ts";
import { type ApiError, get } from "../api.ts";

export type Me = z.infer<typeof MeSchema>;
export type Permission = Me["permissions"][number];

export function useMe() {
  return useQuery<Me, ApiError>({
    queryKey: ["me"],
    queryFn: () => get<Me>("/api/auth/me"),
    retry: false,
    staleTime: 30_000,
  });
}

/**
 * The signed-in person if there is one, for pages anyone may open (help): unlike `useMe`, an
 * anonymous visitor is not an error and is not sent to sign-in.
 */
export function useOptionalMe() {
  const client = useQueryClient();
  return useQuery<Me | null>({
    queryKey: ["me", "optional"],
    queryFn: async () => {
      const response = await fetch("/api/auth/me", {
        credentials: "same-origin",
        headers: { accept: "application/json" },
      });
      return response.ok ? ((await response.json()) as Me) : null;
    },
    initialData: () => client.getQueryData<Me>(["me"]),
    retry: false,
    staleTime: 30_000,
  });
}

export function useCan() {
  const { data } = useMe();
  return (permission: Permission) => Boolean(data?.permissions.includes(permission));
}

export function useResetSession() {
  const client = useQueryClient();
  return () => {
    client.clear();
  };
}
