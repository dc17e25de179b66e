import type { Project, SourceFile } from "ts-morph";

/**
 * A ts-morph project holding only the files being edited: no tsconfig, no
 * dependency resolution. ts-morph is required here, on the first edit, so a
 * plan without edits never pays for loading it.
 */
export function editProject(): { open(file: string): SourceFile } {
  const { Project: TsProject, IndentationText, QuoteKind } = require("ts-morph") as typeof import("ts-morph");
  const project: Project = new TsProject({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    useInMemoryFileSystem: false,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
  return { open: (file) => project.addSourceFileAtPath(file) };
}
