// Bundle sizes of the Dynamics half (minified, before gzip) against their targets; needs `npm run build` first.
import { bundleSizes, formatSizes } from '../dynamics/bundle-sizes.mjs';

console.log('Dynamics bundles (minified, before gzip):');
for (const line of formatSizes(bundleSizes())) console.log(`  ${line}`);
