import { createRequire } from "node:module";

/**
 * The built package, loaded with Node's own require: the same copy a project's
 * `import … from "kiosk"` gets, so classes and the TypeORM metadata are shared.
 */
export const kiosk = createRequire(import.meta.url)("../../dist/src/index.js") as typeof import("../../src/index");
