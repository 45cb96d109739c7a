// Dataverse web resources: the enable-data-validation flow against a loopback Web API double, the contact form
// script with xrm-mock, the settings page (jsdom) against the same double.
import { runJest } from '../lib/results.mjs';

process.exit(runJest(['-c', 'dynamics-solution/jest.config.cjs']));
