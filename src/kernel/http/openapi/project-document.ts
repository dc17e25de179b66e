import fs from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";
import type { Application } from "../../application";
import type { ResolvedConfig } from "../../config/resolved-config";
import { buildOpenApiDocument } from "./build-document";

/** The title and version of a project's document: its package.json's name and version. */
function projectInfo(projectDir: string): { title: string; version: string } {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as { name?: string; version?: string };
    return { title: pkg.name || "Kiosk store", version: pkg.version || "0.0.0" };
  } catch {
    return { title: "Kiosk store", version: "0.0.0" };
  }
}

const documents = new WeakMap<Application, Record<string, unknown>>();

/** The OpenAPI document of a generation of a project's application (built once per generation). */
export function projectOpenApi(config: ResolvedConfig, application: Application): Record<string, unknown> {
  let document = documents.get(application);
  if (!document) {
    document = buildOpenApiDocument(application.routes, application.middlewares, projectInfo(config.projectDir));
    documents.set(application, document);
  }
  return document;
}

/** `GET /openapi.json`: the current generation's document, so `kiosk develop` shows a route as soon as it is saved. */
export function openApiHandler(config: ResolvedConfig, current: () => Application): RequestHandler {
  return (_req, res) => void res.json(projectOpenApi(config, current()));
}
