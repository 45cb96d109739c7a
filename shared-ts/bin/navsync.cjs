#!/usr/bin/env -S node --max-semi-space-size=32 --heap-growing-percent=25
// The navsync CLI; the engine is compiled to dist/ by `npm run build`.
// V8 flags for million-row exports (scripts/bench/22-validation-memory.ts): a 32 MB young generation (Node's default
// is 16) promotes far fewer short-lived parse objects (~120 MB less peak RSS); a heap grown by 25 % between full
// collections, not V8's default of up to 4×, stops the garbage of large `$batch` bodies piling up (Dataverse 1M-row
// apply: ~720 MB without it, ~400 MB with it).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'sync', 'cli.js');
if (!existsSync(cli)) {
  console.error('navsync is not built yet: run `npm run build` in the NavSync project first.');
  process.exit(2);
}
require(cli).runCli();
