// Started by 22-validation-memory: the Salesforce double in a process of its own (its memory is not the engine's),
// seeded with the export's contacts, so the measured process applies its flags through a real Bulk API 2.0 job.
import { SalesforceDouble } from '../../../shared-ts/dist/doubles/salesforceDouble';
import { contactId } from './validationPipeline';

async function main() {
  const rows = Number(process.argv[2]);
  const sf = await SalesforceDouble.start();
  for (let i = 1; i <= rows; i++) sf.insert('Contact', { Id: contactId(i), FirstName: 'A', LastName: `B${i}` });
  process.stdout.write(`${JSON.stringify({ url: sf.url, clientId: sf.clientId, clientSecret: sf.clientSecret })}\n`);
  // Runs until the benchmark closes stdin.
  process.stdin.resume();
  process.stdin.on('end', () => void sf.close().then(() => process.exit(0)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
