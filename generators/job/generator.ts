import { GeneratorInputError } from "../core/errors";
import type { Names } from "../core/naming";
import type { Generator } from "../core/plan";
import { render } from "../core/templates";
import { validateName } from "../core/validate-name";
import { cronFieldNames, validateCron } from "./cron";

interface JobInput {
  names: Names;
  schedule: string;
}

/** `src/jobs/<kebab>.ts`: `export default async function <camel>({ container })` and `config = { name, schedule }`. */
const jobGenerator: Generator<JobInput> = {
  parse([name], options) {
    const names = validateName(name, { what: "job" });
    if (names.camel === "config") throw new GeneratorInputError("KIOSK_INVALID_NAME", 'invalid job name "config": the file already exports config');
    if (options.schedule === undefined) throw new GeneratorInputError("KIOSK_INVALID_SCHEDULE", 'give its schedule: --schedule "0 3 * * *"');
    return { names, schedule: validateCron(options.schedule as string) };
  },
  plan({ names, schedule }) {
    const contents = render("job", "job.ts", { names, schedule, scheduleFields: cronFieldNames(schedule).join(" ") });
    return { files: [{ path: `src/jobs/${names.kebab}.ts`, contents }], edits: [] };
  },
};

export default jobGenerator;
