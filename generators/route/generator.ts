import { importStatement } from "../core/naming";
import type { Generator } from "../core/plan";
import { render } from "../core/templates";
import { parseMethods, parseRoutePath, type Method, type RoutePath } from "./route-path";

interface RouteInput {
  route: RoutePath;
  methods: Method[];
}

const BODY_METHODS: Method[] = ["POST", "PUT", "PATCH"];

/** `{ id: req.params.id }` for each parameter, or `{ ok: true }`. */
function echo(route: RoutePath, extra: string[] = []): string {
  const entries = [...route.params.map((p) => `${p}: req.params.${p}`), ...extra];
  return entries.length ? `{ ${entries.join(", ")} }` : "{ ok: true }";
}

/** A file route: `src/api/<path>/route.ts`, one handler a method; bodies validated with zod. */
const routeGenerator: Generator<RouteInput> = {
  parse([path], options) {
    return { route: parseRoutePath(path), methods: parseMethods(options.methods as string | undefined) };
  },
  plan({ route, methods }) {
    const hasBody = methods.some((m) => BODY_METHODS.includes(m));
    const hasPlain = methods.some((m) => !BODY_METHODS.includes(m));
    const values = hasBody ? ["withValidation", "z"] : [];
    const types = [...(hasPlain ? ["KioskRequest"] : []), "KioskResponse"];
    const contents = render("route", "route.ts", {
      imports: importStatement("kiosk", values, types),
      methods: methods.map((verb) => {
        const body = BODY_METHODS.includes(verb);
        return {
          verb,
          url: route.url,
          body,
          schema: `${verb.toLowerCase()}Body`,
          request: route.params.length ? "req" : "_req",
          response: body ? echo(route, ["received: req.validatedBody"]) : echo(route),
        };
      }),
    });
    return { files: [{ path: `src/api/${route.segments.join("/")}/route.ts`, contents }], edits: [] };
  },
};

export default routeGenerator;
