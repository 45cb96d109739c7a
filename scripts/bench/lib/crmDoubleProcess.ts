// Started by 22-validation-memory: a CRM double in a process of its own (its memory is not the engine's), seeded
// with the export's contacts, so the measured process applies its flags through the real write path (Salesforce
// Bulk API 2.0 job, Dataverse `$batch`). Prints one JSON line with how to reach it; runs until stdin closes.
import { DataverseDouble } from '../../../shared-ts/dist/doubles/dataverseDouble';
import { SalesforceDouble } from '../../../shared-ts/dist/doubles/salesforceDouble';
import { contactId, type IdScheme } from './validationPipeline';

async function main() {
  const kind = process.argv[2] as IdScheme;
  const rows = Number(process.argv[3]);
  let close: () => Promise<void>;
  if (kind === 'salesforce') {
    const sf = await SalesforceDouble.start();
    for (let i = 1; i <= rows; i++) sf.insert('Contact', { Id: contactId(i, kind), FirstName: 'A', LastName: `B${i}` });
    process.stdout.write(`${JSON.stringify({ kind, url: sf.url, clientId: sf.clientId, clientSecret: sf.clientSecret })}\n`);
    close = () => sf.close();
  } else {
    const dv = await DataverseDouble.start();
    for (let i = 1; i <= rows; i++) dv.insert('contact', { contactid: contactId(i, kind), firstname: 'A', lastname: `B${i}`, statecode: 0 });
    process.stdout.write(`${JSON.stringify({ kind, url: dv.url, token: dv.issueToken() })}\n`);
    close = () => dv.close();
  }
  process.stdin.resume();
  process.stdin.on('end', () => void close().then(() => process.exit(0)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
