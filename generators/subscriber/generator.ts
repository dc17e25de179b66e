import { GeneratorInputError } from "../core/errors";
import type { Names } from "../core/naming";
import type { Generator } from "../core/plan";
import { render } from "../core/templates";
import { validateName } from "../core/validate-name";
import { CORE_EVENT_NAMES } from "../../src/core-events";

interface SubscriberInput {
  names: Names;
  events: string[];
}

/**
 * `src/subscribers/<kebab>.ts`: `export default defineSubscriber(event, async function <camel>(…) {…})`.
 * An event kiosk does not declare (not a core event) is declared in the file, in
 * `KioskEvents`, as `{ id: string }`, so the handler's `data` is typed. The file
 * depends on the arguments only, never on what else the project declares, so
 * `destroy` recognises it.
 */
const subscriberGenerator: Generator<SubscriberInput> = {
  parse([name], options) {
    const names = validateName(name, { what: "subscriber" });
    const events = [...new Set((options.event as string[] | undefined) ?? [])];
    if (!events.length) throw new GeneratorInputError("KIOSK_INVALID_EVENT", "give the event it handles: --event order.placed");
    const badEvent = events.find((e) => !/^[A-Za-z][\w-]*(\.[\w-]+)*$/.test(e));
    if (badEvent) {
      throw new GeneratorInputError("KIOSK_INVALID_EVENT", `invalid event "${badEvent}": event names are words joined by dots, such as order.placed`);
    }
    return { names, events };
  },
  plan({ names, events }) {
    const quoted = events.map((e) => JSON.stringify(e));
    const core = new Set<string>(CORE_EVENT_NAMES);
    const undeclared = events.filter((e) => !core.has(e));
    const contents = render("subscriber", "subscriber.ts", {
      names,
      declarations: undeclared.map((e) => `    ${JSON.stringify(e)}: { id: string };`).join("\n"),
      declaredWhat: undeclared.length === 1 ? "This event is" : "These events are",
      declaredPronoun: undeclared.length === 1 ? "it is" : "they are",
      event: quoted.length === 1 ? quoted[0] : `[${quoted.join(", ")}]`,
      eventList: events.map((e) => `\`${e}\``).join(events.length === 2 ? " and " : ", "),
    });
    return { files: [{ path: `src/subscribers/${names.kebab}.ts`, contents }], edits: [] };
  },
};

export default subscriberGenerator;
