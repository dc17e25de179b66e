import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { swcOptions } from "../../kernel/runtime/swc-options";
import { extensionFiles, transpileExtension } from "../../kernel/http/admin-extensions";
import { CliError } from "../cli-error";
import { projectDir } from "../project-dir";

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * Compiles `src/**` and `kiosk.config.ts` to `dist/` with the same SWC settings
 * `kiosk develop` uses, so production runs exactly what was developed, and the
 * dashboard extensions of `src/admin/` to browser modules in `dist/admin/`. Type
 * checking stays with `tsc --noEmit` (the project's `typecheck` script).
 */
export async function buildProject(dir: string): Promise<{ files: number; ms: number }> {
  const started = performance.now();
  const outDir = path.join(dir, "dist");
  const files = [...sourceFiles(path.join(dir, "src")), path.join(dir, "kiosk.config.ts")].filter((f) => fs.existsSync(f));
  if (!files.length) throw new CliError("KIOSK_BUILD_EMPTY", `nothing to build: no src/ or kiosk.config.ts in ${dir}`);
  // Loaded here, not at import: `kiosk start` never pays for SWC's native binding.
  const { transformFile } = require("@swc/core") as typeof import("@swc/core");
  const staging = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    await Promise.all(
      files.map(async (file) => {
        const target = path.join(staging, path.relative(dir, file)).replace(/\.ts$/, ".js");
        let output;
        try {
          output = await transformFile(file, swcOptions(file, true));
        } catch (err) {
          throw new CliError("KIOSK_BUILD_FAILED", `${path.relative(dir, file)}: ${String((err as Error).message ?? err).trim().split("\n").slice(0, 6).join("\n")}`);
        }
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const mapName = `${path.basename(target)}.map`;
        fs.writeFileSync(target, `${output.code}\n//# sourceMappingURL=${mapName}\n`);
        if (output.map) fs.writeFileSync(`${target}.map`, output.map);
      }),
    );
    // Dashboard extensions (src/admin/{pages,widgets}/*.tsx): browser modules, served from dist/admin by `kiosk start`.
    for (const ext of extensionFiles(dir).filter((e) => e.source)) {
      let code: string;
      try {
        code = transpileExtension(ext.file);
      } catch (err) {
        throw new CliError("KIOSK_BUILD_FAILED", `${path.relative(dir, ext.file)}: ${String((err as Error).message ?? err).trim().split("\n").slice(0, 6).join("\n")}`);
      }
      const target = path.join(staging, "admin", ext.kind, `${ext.name}.js`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, code);
    }
    // Swap the whole output at once: a failed build never leaves a half-written dist/.
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.renameSync(staging, outDir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return { files: files.length, ms: Math.round(performance.now() - started) };
}

/** `kiosk build`. */
export function buildCommand(): Command {
  return new Command("build")
    .description("Compile the project (src/ and kiosk.config.ts) to dist/")
    .option("-C, --cwd <dir>", "project directory")
    .addHelpText("after", "\nExample:\n  $ kiosk build && kiosk start\n")
    .action(async (opts: { cwd?: string }) => {
      const { files, ms } = await buildProject(projectDir(opts.cwd));
      process.stdout.write(`built ${files} files to dist/ in ${ms} ms\n`);
    });
}
