import type { GeneratorSchema } from "../core/schema";

/** `kiosk generate job <Name> --schedule "<cron>"`. */
export const jobSchema: GeneratorSchema = {
  name: "job",
  description: "A scheduled job in src/jobs: a default-exported handler and its { name, schedule }",
  arguments: [{ syntax: "<name>", description: "what it does: nightly-report" }],
  options: [{ flags: "--schedule <cron>", description: 'a cron expression, 5 fields or 6 with seconds: "0 3 * * *"' }],
  examples: ['job nightly-report --schedule "0 3 * * *"', 'job sync-stock --schedule "*/15 * * * *"'],
  load: () => require("./generator").default,
};
