import type { Names } from "../core/naming";
import type { Generator } from "../core/plan";
import { render } from "../core/templates";
import { validateName } from "../core/validate-name";

/**
 * A service: `src/services/<kebab>.ts` default-exporting `<Pascal>Service`.
 * A trailing "Service" in the name is dropped (`MailerService` -> `mailer.ts`).
 * Core names are refused: the file would silently replace a core service.
 */
const serviceGenerator: Generator<Names> = {
  parse([name]) {
    return validateName((name ?? "").replace(/[-_]?service$/i, "") || name, { what: "service", notCore: true });
  },
  plan(names) {
    return {
      files: [{ path: `src/services/${names.kebab}.ts`, contents: render("service", "service.ts", { names }) }],
      edits: [],
    };
  },
};

export default serviceGenerator;
