// The Salesforce package zip (dist/salesforce/navsync-salesforce.zip), after the generated core module and labels.
import { root } from '../lib/proc.mjs';
import { packageSalesforce } from '../salesforce/package.mjs';

const { file, bytes, components } = await packageSalesforce();
console.log(`${file.slice(root.length + 1)}: ${components} components, ${(bytes / 1024).toFixed(1)} KiB`);
