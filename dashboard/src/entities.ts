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

interface SchemaAnswer {
  entities: Entity[];
  /** Per core entity (`product`, `product_variant`…), the config's custom fields as an object's JSON Schema. */
  custom_fields?: Record<string, JsonSchema>;
}

const schemaQuery = { queryKey: ["dashboard-schema"], queryFn: () => api<SchemaAnswer>("/admin/dashboard/schema"), staleTime: 60_000 };

export function useEntities() {
  return useQuery({ ...schemaQuery, select: (answer: SchemaAnswer) => answer.entities });
}

/** The custom fields of core entities, by entity name. */
export function useCustomFields() {
  return useQuery({ ...schemaQuery, select: (answer: SchemaAnswer) => answer.custom_fields ?? {} });
}
