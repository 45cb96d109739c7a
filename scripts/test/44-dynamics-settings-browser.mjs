// Browser test of the web resources (scripts/dynamics/settings-browser.ts): the settings page in an iframe of a host
// page with Xrm and the contact form script, in five languages, against the loopback Web API double (axe, screenshots).
import { runTs } from '../dynamics/tsx.mjs';

process.exit(runTs('scripts/dynamics/settings-browser.ts'));
