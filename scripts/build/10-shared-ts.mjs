// Compile the core (domain, clients, engine, CLI) to shared-ts/dist for Node, PCF and the scripts.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, must, root } from '../lib/proc.mjs';

rmSync(join(root, 'shared-ts', 'dist'), { recursive: true, force: true });
must(bin('tsc'), ['-p', 'shared-ts/tsconfig.json']);
