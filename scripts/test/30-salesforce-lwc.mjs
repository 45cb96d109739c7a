// LWC component tests (sfdx-lwc-jest config + NavSync mocks): UI-API-shaped fixtures, wire adapters driven with
// emit()/error(), loading/empty/error states and an accessibility assertion per component.
import { runJest } from '../lib/results.mjs';

process.exit(runJest(['-c', 'jest.lwc.config.cjs']));
