#!/usr/bin/env node
// The navsync CLI; the engine is compiled to dist/ by `npm run build`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'sync', 'cli.js');
if (!existsSync(cli)) {
  console.error('navsync is not built yet: run `npm run build` in the NavSync project first.');
  process.exit(2);
}
require(cli).runCli();
