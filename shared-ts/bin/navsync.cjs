#!/usr/bin/env -S node --max-semi-space-size=32
// The navsync CLI; the engine is compiled to dist/ by `npm run build`.
// A 32 MB young generation (Node's default is 16): on a million-row export, far fewer short-lived parse objects are
// promoted to the old generation, which keeps the peak RSS ~120 MB lower (see scripts/bench/22-validation-memory.ts).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'sync', 'cli.js');
if (!existsSync(cli)) {
  console.error('navsync is not built yet: run `npm run build` in the NavSync project first.');
  process.exit(2);
}
require(cli).runCli();
