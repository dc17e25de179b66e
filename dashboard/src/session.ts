import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api, ApiError, whenUnauthorized } from "./api";

export interface User {
  id: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  role?: string;
}

/** The signed-in user (`GET /admin/auth`), or null when the session cookie is missing or spent. */
export function useSession() {
  const client = useQueryClient();
  whenUnauthorized(() => client.setQueryData(["session"], null));
  return useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      try {
        return (await api<{ user: User }>("/admin/auth")).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

/** Drops every answer but the session's, so one user's data never shows to the next. */
function forgetData(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api<{ user: User }>("/admin/auth", { body }),
    onSuccess: ({ user }) => {
      forgetData(client);
      client.setQueryData(["session"], user);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api("/admin/auth", { method: "DELETE" }),
    onSettled: () => {
      forgetData(client);
      client.setQueryData(["session"], null);
    },
  });
}
