// Unit, property-based and contract tests of shared-ts (domain, clients against loopback doubles, engine).
import { runJest } from '../lib/results.mjs';

process.exit(runJest(['-c', 'shared-ts/jest.config.cjs']));
