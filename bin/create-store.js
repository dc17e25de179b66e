#!/usr/bin/env node
"use strict";
// Hands over to src/cli/create-store (built to dist/). Always this copy: there is no project yet.
require("../dist/src/cli/create-store/index.js").main(process.argv);
