#!/usr/bin/env node
"use strict";
// Inside a project, prefer the project's own installed Kiosk: its version is the truth.
const fs = require("node:fs");
const path = require("node:path");
let entry = path.join(__dirname, "..", "dist", "src", "cli", "kiosk.js");
try {
  const local = path.join(path.dirname(require.resolve("kiosk/package.json", { paths: [process.cwd()] })), "dist", "src", "cli", "kiosk.js");
  if (fs.existsSync(local)) entry = local;
} catch {
  // not inside a project: use this copy
}
require(entry).main(process.argv);
