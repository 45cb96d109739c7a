import { runTs } from './tsx.mjs';

process.exit(runTs('scripts/dynamics/print-artifacts.ts', process.argv.slice(2)));
