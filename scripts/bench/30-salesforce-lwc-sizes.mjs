// npm run bench: the JavaScript each NavSync LWC loads (minified, before gzip), per component and per module, and
// what a record page with the Embedded Profile loads against its 60 KB target. Prints figures; never fails on them
// (the 1 MB per-file platform limit is a check in the salesforce-checks test step).
import { kb, measureLwcSizes, RECORD_PAGE_TARGET } from '../salesforce/lwcSizes.mjs';

const names = ['embeddedProfile', 'crmBadge', 'testWriteBack', 'navsyncAdmin', 'seatManager'];
const r = await measureLwcSizes(names);
console.log('LWC JavaScript loaded, minified, before gzip:');
for (const [name, c] of Object.entries(r.components)) {
  const parts = Object.entries(c.modules)
    .sort((a, b) => b[1] - a[1])
    .map(([m, b]) => `${m} ${kb(b)}`)
    .join(', ');
  console.log(`  ${name.padEnd(16)} ${kb(c.total).padStart(9)}  (${parts})`);
}
for (const [page, bytes] of Object.entries(r.pages)) {
  console.log(
    `  ${page}: ${kb(bytes)} (target ≤ ${kb(RECORD_PAGE_TARGET)}: ${bytes <= RECORD_PAGE_TARGET ? 'met' : 'NOT met'})`,
  );
}
console.log(`  largest file: ${r.largestFile.file} ${kb(r.largestFile.bytes)}`);
