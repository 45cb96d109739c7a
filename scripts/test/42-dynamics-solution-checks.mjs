// Checks of the packed solution and of the enable flow's views/reports (scripts/dynamics/solution-checks.ts):
// zip contents, xmllint against CustomizationsSolution.xsd and Fetch.xsd, layout cells fetched, RDL shape.
import { runTs } from '../dynamics/tsx.mjs';

process.exit(runTs('scripts/dynamics/solution-checks.ts'));
