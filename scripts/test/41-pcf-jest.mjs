// The Embedded Profile PCF control: view model and React view (@testing-library/react) with a typed context mock.
import { runJest } from '../lib/results.mjs';

process.exit(runJest(['-c', 'pcf-controls/EmbeddedProfile/jest.config.cjs']));
