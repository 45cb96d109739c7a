/** Request kinds of the Dataverse Web API, shared by the double (server-side counts) and the gateway's report. */
export function dataverseRequestKind(method: string, rawUrl: string): string {
  const [path, query = ''] = rawUrl.split('?');
  if (/\/oauth2\/v2\.0\/token$/.test(path)) return 'token';
  const m = /^\/api\/data\/v[\d.]+\/(.*)$/.exec(path);
  if (!m) return 'other';
  const rest = decodeURIComponent(m[1]);
  if (rest === '$batch') return 'batch';
  if (/^WhoAmI(\(\))?$/.test(rest)) return 'whoAmI';
  if (rest.startsWith('EntityDefinitions')) return 'metadata';
  if (rest === 'PublishXml' || rest === 'PublishAllXml') return 'publish';
  if (/^RetrieveProvisionedLanguages/.test(rest)) return 'function';
  const hasKey = /\(.+\)$/.test(rest);
  if (method === 'GET') return hasKey ? 'retrieve' : /(^|&)fetchXml=/.test(query) ? 'fetchXml' : 'query';
  if (method === 'POST') return 'create';
  if (method === 'PATCH') return 'update';
  if (method === 'DELETE') return 'delete';
  return 'other';
}
