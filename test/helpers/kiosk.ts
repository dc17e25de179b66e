import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

/**
 * The built package, loaded with Node's own require: the same copies a project's
 * `import … from "kiosk"` (and `"kiosk/testing"`, `"kiosk/sql"`, `"kiosk/internal"`)
 * gets, so classes and the TypeORM metadata are shared. Its entries are merged
 * into one object for the tests' convenience.
 */
export const kiosk = {
  ...load("../../dist/src/index.js"),
  ...load("../../dist/src/testing.js"),
  ...load("../../dist/src/sql.js"),
  ...load("../../dist/src/internal.js"),
} as typeof import("../../src/index") &
  typeof import("../../src/testing") &
  typeof import("../../src/sql") &
  typeof import("../../src/internal");
