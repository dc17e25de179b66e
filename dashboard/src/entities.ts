import { useQuery } from "@tanstack/react-query";
import { api } from "./api";

/** A JSON Schema, as `z.toJSONSchema` writes the create body of a generated entity. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minLength?: number;
  description?: string;
}

/** An entity of the project with generated CRUD routes (`GET /admin/dashboard/schema`). */
export interface Entity {
  name: string;
  label: string;
  path: string;
  list_key: string;
  deletable: boolean;
  schema: JsonSchema;
}

export function useEntities() {
  return useQuery({
    queryKey: ["dashboard-schema"],
    queryFn: async () => (await api<{ entities: Entity[] }>("/admin/dashboard/schema")).entities,
    staleTime: 60_000,
  });
}
