import path from "node:path";
import { getMetadataArgsStorage, type MigrationInterface } from "typeorm";
import { listFiles } from "./discover-files";
import { importResource, shapeError } from "./import-resource";
import type { ResourceRoot } from "./resource-root";

/** A migration class together with the root that owns it (for `migrate show`). */
export interface RootMigration {
  root: string;
  file: string;
  name: string;
  migration: new () => MigrationInterface;
}

function isEntity(value: unknown): value is Function {
  return typeof value === "function" && getMetadataArgsStorage().tables.some((t) => t.target === value);
}

/** Every entity class exported from `<root>/models/*`; a file exporting none is an error. */
export function loadModels(roots: ResourceRoot[], exts: string[]): Function[] {
  const entities: Function[] = [];
  for (const root of roots) {
    for (const file of listFiles(path.join(root.dir, "models"), exts)) {
      const found = Object.values(importResource(file)).filter(isEntity);
      if (!found.length) throw shapeError(file, "an exported class decorated with @Entity");
      entities.push(...found);
    }
  }
  return entities;
}

/** Every migration class in `<root>/migrations/*`, ordered by the timestamp in its name. */
export function loadMigrations(roots: ResourceRoot[], exts: string[]): RootMigration[] {
  const migrations: RootMigration[] = [];
  for (const root of roots) {
    for (const file of listFiles(path.join(root.dir, "migrations"), exts)) {
      const classes = Object.values(importResource(file)).filter(
        (v): v is new () => MigrationInterface =>
          typeof v === "function" && typeof v.prototype?.up === "function" && typeof v.prototype?.down === "function",
      );
      if (classes.length !== 1) throw shapeError(file, "exactly one exported class with up() and down()");
      const migration = classes[0];
      const name = (new migration().name ?? migration.name) as string;
      if (!/\d{13}$/.test(name)) throw shapeError(file, `a migration name ending in a 13-digit timestamp, got "${name}"`);
      migrations.push({ root: root.name, file, name, migration });
    }
  }
  return migrations.sort((a, b) => timestamp(a.name) - timestamp(b.name));
}

function timestamp(name: string): number {
  return Number(name.slice(-13));
}
