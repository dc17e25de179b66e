import { z } from "zod";
import type { RouteDefinition } from "../loaders/load-routes";
import { routeSchemas } from "./openapi/route-schemas";
import type { JsonSchema } from "./openapi/schema-components";

/** An entity a project or plugin serves with list, create, retrieve and update routes under `/admin`. */
export interface AdminEntity {
  /** The resource segment: `/admin/books` -> `books`. */
  name: string;
  /** `Books`, `Gift wraps`. */
  label: string;
  /** `/admin/books`; one record is `<path>/:id`. */
  path: string;
  /** The array of the list answer (`books` for `/admin/books`, the generated routes' envelope). */
  list_key: string;
  /** Whether `DELETE <path>/:id` exists. */
  deletable: boolean;
  /** The create body as JSON Schema (draft 2020-12): its `properties` are the form's fields, `required` the mandatory ones. */
  schema: JsonSchema;
}

function toJson(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/**
 * The entities the dashboard lists and edits without UI code: every `/admin/<name>` route
 * file outside the core modules that answers GET and a validated POST (create), beside a
 * `/admin/<name>/:id` file that answers GET and a validated POST (update). That is the shape
 * `kiosk generate entity <Name> --crud` writes; hand-written routes of that shape count too.
 */
export function adminEntities(routes: RouteDefinition[]): AdminEntity[] {
  const byPath = new Map(routes.map((r) => [r.path.toLowerCase(), r]));
  const found: AdminEntity[] = [];
  for (const route of routes) {
    if (route.root.startsWith("kiosk")) continue;
    const m = /^\/admin\/([a-z0-9][a-z0-9-]*)$/i.exec(route.path);
    if (!m || !route.handlers.GET || !route.handlers.POST) continue;
    const create = routeSchemas(route.handlers.POST)?.body;
    const item = [...byPath.entries()].find(([p]) => new RegExp(`^/admin/${m[1].toLowerCase()}/:[a-z_]+$`).test(p))?.[1];
    if (!create || !item?.handlers.GET || !routeSchemas(item.handlers.POST)?.body) continue;
    const name = m[1];
    const words = name.replace(/-/g, " ");
    found.push({
      name,
      label: words[0].toUpperCase() + words.slice(1),
      path: route.path,
      list_key: name.replace(/-/g, "_"),
      deletable: Boolean(item.handlers.DELETE),
      schema: toJson(create),
    });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
