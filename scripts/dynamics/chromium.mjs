// Kept while other branches still import it from here; the definition is scripts/lib/chromium.mjs.
export { launchChromium } from '../lib/chromium.mjs';
