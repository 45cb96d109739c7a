// Compile the core (domain, clients, engine, CLI) to shared-ts/dist (CommonJS) for Node, and the domain layer also
// to shared-ts/dist/esm (ES modules) for the bundlers of the PCF control and the web resources: package.json
// points them there through the "module" export condition and declares no side effects, so a bundle keeps only
// the subjects it imports.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, must, root } from '../lib/proc.mjs';

rmSync(join(root, 'shared-ts', 'dist'), { recursive: true, force: true });
must(bin('tsc'), ['-p', 'shared-ts/tsconfig.json']);
must(bin('tsc'), ['-p', 'shared-ts/tsconfig.esm.json']);
