// Pack the Dataverse solution zips (managed + unmanaged) into dist/dynamics/ (scripts/dynamics/package.ts).
import { runTs } from '../dynamics/tsx.mjs';

process.exit(runTs('scripts/dynamics/package.ts'));
