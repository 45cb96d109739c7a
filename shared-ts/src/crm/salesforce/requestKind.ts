/** Request kinds, shared by the double (server-side counts) and the gateway (client-side counts). */
export function salesforceRequestKind(method: string, rawPath: string): string {
  const path = rawPath.split('?')[0];
  if (path === '/services/oauth2/token') return 'token';
  if (path === '/services/oauth2/userinfo') return 'userinfo';
  const m = /^\/services\/data\/v[\d.]+(\/.*)?$/.exec(path);
  if (!m) return 'other';
  const rest = m[1] ?? '/';
  if (rest === '/sobjects' || rest === '/sobjects/') return 'describeGlobal';
  if (/^\/sobjects\/[^/]+\/describe\/?$/.test(rest)) return 'describe';
  if (rest === '/query' || rest === '/query/') return 'query';
  if (/^\/query\/[^/]+$/.test(rest)) return 'queryMore';
  if (rest.startsWith('/composite/sobjects')) return 'collections';
  if (/^\/sobjects\/[^/]+(\/[^/]+)?$/.test(rest)) return 'sobject';
  if (rest === '/jobs/ingest' || rest === '/jobs/ingest/') return method === 'POST' ? 'bulkCreate' : 'bulkList';
  if (rest === '/jobs/query' || rest === '/jobs/query/') return method === 'POST' ? 'bulkQueryCreate' : 'bulkQueryList';
  const query = /^\/jobs\/query\/[^/]+(\/results)?\/?$/.exec(rest);
  if (query) {
    if (query[1]) return 'bulkQueryResults';
    return method === 'PATCH' ? 'bulkQueryAbort' : method === 'DELETE' ? 'bulkQueryDelete' : 'bulkQueryPoll';
  }
  const job = /^\/jobs\/ingest\/[^/]+(\/[^/]+)?\/?$/.exec(rest);
  if (job) {
    if (!job[1]) return method === 'PATCH' ? 'bulkClose' : method === 'DELETE' ? 'bulkDelete' : 'bulkPoll';
    return job[1] === '/batches' ? 'bulkUpload' : 'bulkResults';
  }
  return 'other';
}
