import type { Names } from "../core/naming";
import type { Generator } from "../core/plan";
import { render } from "../core/templates";
import { validateName } from "../core/validate-name";
import { coreServiceNames } from "./core-services";

type ServiceNames = Names & { overrides: boolean };

/**
 * A service: `src/services/<kebab>.ts` default-exporting `<Pascal>Service`.
 * A trailing "Service" in the name is dropped (`MailerService` -> `mailer.ts`).
 * A name of a core service (`Cart`, `ProductVariant`) overrides it: the file is a
 * subclass of the core class (`import { CartService } from "kiosk"`), and the
 * generator says so. Other core names (an entity's) are refused.
 */
const serviceGenerator: Generator<ServiceNames> = {
  parse([name]) {
    const raw = (name ?? "").replace(/[-_]?service$/i, "") || name;
    const loose = validateName(raw, { what: "service" });
    if (coreServiceNames().has(loose.kebab)) return { ...loose, overrides: true };
    return { ...validateName(raw, { what: "service", notCore: true }), overrides: false };
  },
  plan(names) {
    const template = names.overrides ? "override-service.ts" : "service.ts";
    return {
      files: [{ path: `src/services/${names.kebab}.ts`, contents: render("service", template, { names }) }],
      edits: [],
      notes: names.overrides
        ? [`${names.camel}Service is a core service: src/services/${names.kebab}.ts overrides it, as a subclass of the core ${names.pascal}Service`]
        : [],
    };
  },
};

export default serviceGenerator;
