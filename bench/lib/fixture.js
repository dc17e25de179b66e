"use strict";
// Fixture projects copied to a temp dir with this repo linked as their `kiosk`
// dependency, like test/helpers/fixture-project.ts does.
const fs = require("node:fs");
const path = require("node:path");
const { tempDir } = require("./cleanup");
const { repoRoot } = require("./util");

/**
 * Copies `test/fixtures/<name>` to a temp dir (removed on exit) and links the repo as
 * node_modules/kiosk. `overlay` (a `bench/fixtures/<overlay>` dir) is then copied over it: the
 * bench's own variants of a test fixture (a config and its migrations).
 */
function copyFixture(name, { overlay } = {}) {
  const dir = tempDir(`kiosk-bench-${overlay ?? name}-`);
  fs.cpSync(path.join(repoRoot, "test", "fixtures", name), dir, { recursive: true });
  if (overlay) fs.cpSync(path.join(__dirname, "..", "fixtures", overlay), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  fs.symlinkSync(repoRoot, path.join(dir, "node_modules", "kiosk"), "dir");
  return dir;
}

/**
 * `kiosk start` loads a local plugin's build (`plugins/<name>/dist`), which `kiosk build`
 * of the project does not make: build each local plugin that has a src/ and no dist/
 * with kiosk's own builder (the SWC settings of `kiosk build`), as its `npm run build` would.
 */
function buildLocalPlugins(dir) {
  const pluginsDir = path.join(dir, "plugins");
  if (!fs.existsSync(pluginsDir)) return [];
  const { buildProject } = require(path.join(repoRoot, "dist", "src", "cli", "commands", "build.js"));
  if (typeof buildProject !== "function") throw new Error("dist/src/cli/commands/build.js no longer exports buildProject: update bench/lib/fixture.js");
  const built = [];
  for (const name of fs.readdirSync(pluginsDir)) {
    const pluginDir = path.join(pluginsDir, name);
    if (fs.existsSync(path.join(pluginDir, "src")) && !fs.existsSync(path.join(pluginDir, "dist"))) built.push(buildProject(pluginDir));
  }
  return Promise.all(built);
}

module.exports = { copyFixture, buildLocalPlugins };
