// Browser test of the settings page web resource (scripts/dynamics/settings-browser.ts): the built page in Debian
// Chromium against the loopback Web API double; turns data validation on; screenshot in test-artifacts/.
import { runTs } from '../dynamics/tsx.mjs';

process.exit(runTs('scripts/dynamics/settings-browser.ts'));
