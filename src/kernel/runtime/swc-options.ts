import type { Options } from "@swc/core";

/**
 * The one SWC configuration used both by `kiosk develop` (in memory) and by
 * `kiosk build` (to dist/), so development and production run the same code.
 * Legacy decorators with metadata: TypeORM needs `design:type` for columns.
 */
export function swcOptions(filename: string, sourceMaps: boolean | "inline"): Options {
  return {
    filename,
    sourceMaps,
    swcrc: false,
    configFile: false,
    module: { type: "commonjs", strictMode: true, importInterop: "swc" },
    jsc: {
      target: "es2022",
      keepClassNames: true,
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    },
  };
}
