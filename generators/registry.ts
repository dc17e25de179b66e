import type { GeneratorSchema } from "./core/schema";
import { entitySchema } from "./entity/schema";
import { fieldSchema } from "./field/schema";
import { jobSchema } from "./job/schema";
import { migrationSchema } from "./migration/schema";
import { pluginSchema } from "./plugin/schema";
import { routeSchema } from "./route/schema";
import { serviceSchema } from "./service/schema";
import { subscriberSchema } from "./subscriber/schema";

/** Every generator's command line, in the order `kiosk generate --help` lists them. */
export const GENERATORS: GeneratorSchema[] = [
  entitySchema,
  fieldSchema,
  serviceSchema,
  routeSchema,
  subscriberSchema,
  migrationSchema,
  jobSchema,
  pluginSchema,
];
