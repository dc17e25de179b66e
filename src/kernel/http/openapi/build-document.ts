import type { RouteDefinition } from "../../loaders/load-routes";
import { HTTP_METHODS, type HttpMethod, type MiddlewaresConfig } from "../types";
import { requiredActor, securityFor, securitySchemes } from "./route-security";
import { isEmptyResponse } from "../response-schemas";
import { routeSchemas } from "./route-schemas";
import { SchemaComponents, type JsonSchema } from "./schema-components";

/** What the document says about the API itself. */
export interface OpenApiInfo {
  title: string;
  version: string;
}

type Operation = Record<string, unknown>;

/** `/store/carts/:id/line-items` -> `/store/carts/{id}/line-items`; a catch-all `*rest` is `{rest}`. */
export function openApiPath(routePath: string): string {
  return routePath.replace(/[:*](\w+)/g, "{$1}");
}

/** `POST /store/carts/:id/line-items` -> `postStoreCartsByIdLineItems`: stable while the route keeps its path. */
export function operationId(method: HttpMethod, routePath: string): string {
  const words = routePath
    .split("/")
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^[:*](\w+)$/.exec(segment);
      return param ? ["by", ...param[1].split(/[^a-zA-Z0-9]+/)] : segment.split(/[^a-zA-Z0-9]+/);
    })
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}

/** A core module's routes are tagged with its name, a plugin's with the plugin's, a project's with its resource (`/admin/books/:id` -> `books`). */
function tagOf(route: RouteDefinition): string {
  if (route.root.startsWith("kiosk:")) return route.root.slice("kiosk:".length);
  if (route.root.startsWith("plugin:")) return route.root.slice("plugin:".length);
  const segments = route.path.split("/").filter((s) => s && !/^[:*]/.test(s));
  return (["store", "admin", "hooks"].includes(segments[0]) ? segments[1] : segments[0]) ?? "project";
}

function pathParameters(routePath: string): Operation[] {
  return [...routePath.matchAll(/[:*](\w+)/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
}

/** A query schema's properties, one parameter each. */
function queryParameters(schema: JsonSchema): Operation[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: "query", required: required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

const ERROR_SCHEMA = {
  type: "object",
  description: "Every error: a 4xx for bad input, never a 500 for it.",
  properties: {
    type: { type: "string" },
    code: { type: "string" },
    message: { type: "string" },
    field: { type: "string" },
  },
  required: ["type", "code", "message"],
};

/**
 * The OpenAPI 3.1 document of a generation's routes: every route file of the
 * core modules, plugins and the project, with the body and query schemas of
 * `withValidation` and the response schema it declares (`response`). A route
 * without one answers "an object" and carries `x-kiosk-response: undeclared`.
 */
export function buildOpenApiDocument(
  routes: RouteDefinition[],
  middlewares: { config: MiddlewaresConfig }[],
  info: OpenApiInfo,
): Record<string, unknown> {
  const components = new SchemaComponents();
  const operations = routes.flatMap((route) =>
    HTTP_METHODS.filter((m) => route.handlers[m]).map((method) => ({ route, method, schemas: routeSchemas(route.handlers[method]) ?? {} })),
  );
  // Responses first: a component's `<id>Input` form is the one that may differ.
  const responses = operations.map(({ schemas }) =>
    schemas.response && !isEmptyResponse(schemas.response) ? components.convert(schemas.response, "output") : undefined,
  );
  const paths: Record<string, Record<string, Operation>> = {};
  operations.forEach(({ route, method, schemas }, i) => {
    const query = schemas.query ? queryParameters(components.convert(schemas.query, "input")) : [];
    const operation: Operation = {
      operationId: operationId(method, route.path),
      tags: [tagOf(route)],
      parameters: [...pathParameters(route.path), ...query],
    };
    if (schemas.body) {
      operation.requestBody = { required: true, content: { "application/json": { schema: components.convert(schemas.body, "input") } } };
    }
    const response = responses[i];
    const empty = isEmptyResponse(schemas.response) ? schemas.response.emptyStatus : undefined;
    operation.responses = {
      ...(isEmptyResponse(schemas.response) && schemas.response.file
        ? { "200": { description: "The file", content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } } } }
        : empty
        ? { [String(empty)]: { description: empty === 204 ? "No content" : "OK, no body" } }
        : { "200": { description: "OK", content: { "application/json": { schema: response ?? { type: "object" } } } } }),
      default: { description: "An error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    };
    if (!response && !empty) operation["x-kiosk-response"] = "undeclared";
    const actor = requiredActor(middlewares, route.path, method);
    if (actor) operation.security = securityFor(actor);
    (paths[openApiPath(route.path)] ??= {})[method.toLowerCase()] = operation;
  });
  const tags = [...new Set(operations.map(({ route }) => tagOf(route)))].sort().map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info,
    tags,
    paths,
    components: { schemas: { Error: ERROR_SCHEMA, ...components.schemas }, securitySchemes: securitySchemes() },
  };
}
