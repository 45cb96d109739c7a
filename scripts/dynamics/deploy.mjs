#!/usr/bin/env node
// `npm run deploy:dynamics [managed|unmanaged]`: import the packed solution into a Dataverse environment with the
// Web API's ImportSolutionAsync, then poll the async operation until it completes.
//   DATAVERSE_URL    environment URL, e.g. https://contoso.crm4.dynamics.com
//   DATAVERSE_TOKEN  an OAuth access token for that environment (System Administrator or System Customizer),
//                    e.g. from `az account get-access-token --resource $DATAVERSE_URL --query accessToken -o tsv`
// Run `npm run package:dynamics` first. The token is only sent as the Authorization header, never printed.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../lib/proc.mjs';

export async function deploy({ url, token, kind = 'managed', pollMs = 5000, fetchImpl = fetch, log = console.log }) {
  const dir = join(root, 'dist', 'dynamics');
  let file;
  try {
    file = readdirSync(dir).find((f) => f.startsWith('NavSync_') && f.endsWith(`_${kind}.zip`));
  } catch {
    file = undefined;
  }
  if (!file) throw new Error(`No ${kind} solution zip in dist/dynamics: run npm run package:dynamics first.`);
  const api = `${url.replace(/\/+$/, '')}/api/data/v9.2/`;
  const headers = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
    'Content-Type': 'application/json; charset=utf-8',
    'OData-MaxVersion': '4.0',
    'OData-Version': '4.0',
  };
  const importJobId = randomUUID();
  log(`Importing ${file} into ${url} (import job ${importJobId})…`);
  const res = await fetchImpl(`${api}ImportSolutionAsync`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      OverwriteUnmanagedCustomizations: false,
      PublishWorkflows: true,
      CustomizationFile: readFileSync(join(dir, file)).toString('base64'),
      ImportJobId: importJobId,
    }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new Error(
      `ImportSolutionAsync failed: HTTP ${res.status} ${body?.error?.code ?? ''} ${body?.error?.message ?? ''}`.trim(),
    );
  const opId = body.AsyncOperationId;
  for (;;) {
    const r = await fetchImpl(`${api}asyncoperations(${opId})?$select=statecode,statuscode,message`, { headers });
    const op = await r.json();
    if (op.statecode === 3) {
      if (op.statuscode === 30) {
        log('Import succeeded.');
        return { importJobId, asyncOperationId: opId };
      }
      throw new Error(
        `Import failed (status ${op.statuscode}): ${op.message ?? 'see the import job log'} — importjobs(${importJobId})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

if (process.argv[1] && process.argv[1].endsWith('deploy.mjs')) {
  const url = process.env.DATAVERSE_URL;
  const token = process.env.DATAVERSE_TOKEN;
  if (!url || !token) {
    console.error(
      'deploy:dynamics needs DATAVERSE_URL (the environment URL) and DATAVERSE_TOKEN (an access token for it).\n' +
        'Example: DATAVERSE_URL=https://contoso.crm4.dynamics.com DATAVERSE_TOKEN=$(az account get-access-token ' +
        '--resource https://contoso.crm4.dynamics.com --query accessToken -o tsv) npm run deploy:dynamics',
    );
    process.exit(2);
  }
  const kind = process.argv[2] === 'unmanaged' ? 'unmanaged' : 'managed';
  deploy({ url, token, kind }).catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
