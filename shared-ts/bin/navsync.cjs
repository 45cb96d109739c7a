#!/usr/bin/env node
// The navsync CLI (built by the engine work into shared-ts/dist/sync/cli.js).
require("../dist/sync/cli.js");
