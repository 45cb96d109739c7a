// `npm run print:dataverse-artifacts [locale]`: the column, views and reports that turning data validation on
// creates, as the JSON the Web API receives (for review and validation without a browser).
import { LOCALES, type Locale } from '@navsync/shared-ts';
import { dataverseArtifacts } from '../../dynamics-solution/src/webresources/dataValidation/artifacts';

const arg = process.argv[2] ?? 'en';
if (!(LOCALES as readonly string[]).includes(arg)) {
  console.error(`Unknown locale "${arg}"; use one of ${LOCALES.join(', ')}`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(dataverseArtifacts(arg as Locale), null, 2)}\n`);
