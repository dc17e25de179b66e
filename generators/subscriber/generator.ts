import { GeneratorInputError } from "../core/errors";
import type { Names } from "../core/naming";
import type { Generator } from "../core/plan";
import { render } from "../core/templates";
import { validateName } from "../core/validate-name";

interface SubscriberInput {
  names: Names;
  events: string[];
}

/** `src/subscribers/<kebab>.ts`: `export default async function <camel>(…)` and `export const config = { event }`. */
const subscriberGenerator: Generator<SubscriberInput> = {
  parse([name], options) {
    const names = validateName(name, { what: "subscriber" });
    if (names.camel === "config") throw new GeneratorInputError("KIOSK_INVALID_NAME", 'invalid subscriber name "config": the file already exports config');
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
    const contents = render("subscriber", "subscriber.ts", {
      names,
      event: quoted.length === 1 ? quoted[0] : `[${quoted.join(", ")}]`,
      eventList: events.map((e) => `\`${e}\``).join(events.length === 2 ? " and " : ", "),
    });
    return { files: [{ path: `src/subscribers/${names.kebab}.ts`, contents }], edits: [] };
  },
};

export default subscriberGenerator;
