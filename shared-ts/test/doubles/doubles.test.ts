/**
 * The doubles themselves, over raw HTTP: the documented shapes the adapters do not exercise on their own
 * (limits, atomic change sets, refusals) and the honesty of the query subsets (what they reject).
 */
import { DataverseDouble } from '../../src/doubles/dataverseDouble';
import { LinkedInDouble } from '../../src/doubles/linkedinDouble';
import { parseFetchXml, parseFilter } from '../../src/doubles/odata';
import { SalesforceDouble } from '../../src/doubles/salesforceDouble';
import { parseSoql } from '../../src/doubles/soql';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const json = async (r: Response | Promise<Response>): Promise<Json> => (await r).json();

describe('query subsets', () => {
  test('SOQL: what the adapter sends parses; anything else is MALFORMED_QUERY, not silently wrong', () => {
    const q = parseSoql(
      "SELECT Id, Account.Name FROM Contact WHERE (navsync__X__c = null OR Name = 'O\\'Brien') AND LastModifiedDate < 2026-01-01T00:00:00Z ORDER BY Name DESC NULLS LAST LIMIT 5",
    );
    expect(q).toMatchObject({
      fields: ['Id', 'Account.Name'],
      object: 'Contact',
      limit: 5,
      orderBy: [{ field: 'Name', desc: true, nullsLast: true }],
    });
    expect(JSON.stringify(q.where)).toContain("O'Brien");
    for (const bad of [
      'SELECT COUNT() FROM Contact',
      'SELECT Id FROM Contact WHERE AccountId IN (SELECT Id FROM Account)',
      'SELECT Id FROM Contact WHERE NOT Name = null',
      'SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS:7',
      'SELECT Id FROM Contact GROUP BY Id',
      "SELECT Id FROM Contact WHERE Name = 'unterminated",
    ]) {
      expect(() => parseSoql(bad)).toThrow(expect.objectContaining({ errorCode: 'MALFORMED_QUERY' }));
    }
  });

  test('OData $filter and FetchXML: supported forms parse, functions and joins are refused', () => {
    expect(
      parseFilter(
        "Microsoft.Dynamics.CRM.In(PropertyName='contactid',PropertyValues=['a','b']) and (x eq 'it''s' or y eq null)",
      ),
    ).toMatchObject({ k: 'and' });
    expect(() => parseFilter("contains(fullname,'x')")).toThrow(/not supported/);
    expect(() => parseFilter('not (x eq 1)')).toThrow(/not supported/);
    expect(
      parseFetchXml(
        '<fetch count="5" page="2"><entity name="opportunity"><attribute name="name" /><filter type="and"><condition attribute="statecode" operator="eq" value="0" /></filter></entity></fetch>',
      ),
    ).toMatchObject({ entity: 'opportunity', count: 5, page: 2 });
    expect(() =>
      parseFetchXml(
        '<fetch><entity name="opportunity"><link-entity name="contact" from="contactid" to="parentcontactid" /></entity></fetch>',
      ),
    ).toThrow(/not supported/);
    expect(() => parseFetchXml('<fetch><entity name="a"></fetch>')).toThrow(/FetchXML/);
  });
});

describe('Salesforce double', () => {
  let sf: SalesforceDouble;
  let auth: Record<string, string>;
  beforeAll(async () => {
    sf = await SalesforceDouble.start();
    auth = { Authorization: `Bearer ${sf.issueToken()}`, 'Content-Type': 'application/json' };
  });
  afterAll(() => sf.close());
  const api = (p: string) => `${sf.url}/services/data/v66.0${p}`;

  test('no session → 401 INVALID_SESSION_ID as a JSON array; every REST answer carries Sforce-Limit-Info', async () => {
    const r = await fetch(api('/query?q=SELECT+Id+FROM+Contact'));
    expect(r.status).toBe(401);
    expect(await json(r)).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID', fields: [] },
    ]);
    const ok = await fetch(api('/query?q=SELECT+Id+FROM+Contact'), { headers: auth });
    expect(ok.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/15000$/);
  });

  test('sObject Collections refuse more than 200 records; unknown fields are per-record INVALID_FIELD', async () => {
    const records = Array.from({ length: 201 }, () => ({ attributes: { type: 'Contact' }, LastName: 'x' }));
    const r = await fetch(api('/composite/sobjects'), {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ allOrNone: false, records }),
    });
    expect(r.status).toBe(400);
    expect((await json(r))[0].errorCode).toBe('EXCEEDED_ID_LIMIT');
    const one = await fetch(api('/composite/sobjects'), {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        allOrNone: false,
        records: [
          { attributes: { type: 'Contact' }, LastName: 'ok' },
          { attributes: { type: 'Contact' }, Bogus__c: 1 },
        ],
      }),
    });
    const res = await json(one);
    expect(res[0]).toMatchObject({ success: true });
    expect(res[1]).toEqual({
      success: false,
      errors: [
        {
          statusCode: 'INVALID_FIELD',
          message: "No such column 'Bogus__c' on sobject of type Contact",
          fields: ['Bogus__c'],
        },
      ],
    });
  });

  test('allOrNone rolls back the valid records too', async () => {
    const before = sf.all('Contact').length;
    const r = await fetch(api('/composite/sobjects'), {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        allOrNone: true,
        records: [
          { attributes: { type: 'Contact' }, LastName: 'a' },
          { attributes: { type: 'Contact' }, Nope: 1 },
        ],
      }),
    });
    const res = await json(r);
    expect(res[0].errors[0].statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
    expect(sf.all('Contact').length).toBe(before);
  });

  test('a Bulk job whose header names an unknown field fails as a job, with its error message', async () => {
    const job = await json(
      fetch(api('/jobs/ingest'), {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ object: 'Contact', operation: 'update', contentType: 'CSV', lineEnding: 'LF' }),
      }),
    );
    await fetch(api(`/jobs/ingest/${job.id}/batches`), {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'text/csv' },
      body: 'Id,Nope__c\n0035e0000000001AAA,x\n',
    });
    await fetch(api(`/jobs/ingest/${job.id}`), {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ state: 'UploadComplete' }),
    });
    const info = await json(fetch(api(`/jobs/ingest/${job.id}`), { headers: auth }));
    expect(info).toMatchObject({ state: 'Failed', errorMessage: 'InvalidBatch : Field name not found : Nope__c' });
  });
});

describe('Dataverse double', () => {
  let dv: DataverseDouble;
  let auth: Record<string, string>;
  beforeAll(async () => {
    dv = await DataverseDouble.start();
    auth = { Authorization: `Bearer ${dv.issueToken()}` };
  });
  afterAll(() => dv.close());

  const part = (method: string, url: string, body: unknown, id: number) =>
    `Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: ${id}\r\n\r\n${method} ${url} HTTP/1.1\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body)}`;

  test('a change set is atomic: a failing operation rolls back the ones before it; the answer names its Content-ID', async () => {
    const before = dv.all('account').length;
    const body = [
      '--batch_1',
      'Content-Type: multipart/mixed; boundary=changeset_1',
      '',
      '--changeset_1',
      part('POST', '/api/data/v9.2/accounts', { name: 'Kept?' }, 1),
      '--changeset_1',
      part('POST', '/api/data/v9.2/accounts', { nosuchcolumn: 1 }, 2),
      '--changeset_1--',
      '--batch_1--',
      '',
    ].join('\r\n');
    const r = await fetch(`${dv.apiUrl}/$batch`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'multipart/mixed; boundary=batch_1' },
      body,
    });
    expect(r.status).toBe(400);
    const text = await r.text();
    expect(text).toMatch(/Content-ID: 2\r\n\r\nHTTP\/1\.1 400 Bad Request/);
    expect(text).toContain("Could not find a property named 'nosuchcolumn'");
    expect(dv.all('account').length).toBe(before);
  });

  test('more than 1000 operations in one $batch are refused', async () => {
    const parts = Array.from(
      { length: 1001 },
      (_, i) => `--b\r\n${part('GET', '/api/data/v9.2/accounts?$top=1', '', i + 1)}`,
    );
    const r = await fetch(`${dv.apiUrl}/$batch`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'multipart/mixed; boundary=b' },
      body: `${parts.join('\r\n')}\r\n--b--\r\n`,
    });
    expect(r.status).toBe(400);
    expect((await json(r)).error.message).toMatch(/exceeds the limit of 1000/);
  });

  test('service protection: 429 carries Retry-After and the documented error body', async () => {
    dv.failNext(1, {
      status: 429,
      headers: { 'Retry-After': '12' },
      body: JSON.stringify({
        error: {
          code: '0x80072322',
          message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
        },
      }),
    });
    const r = await fetch(`${dv.apiUrl}/accounts`, { headers: auth });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('12');
    expect((await json(r)).error.code).toBe('0x80072322');
    expect(dv.counts().byKind.query).toBe(1);
  });
});

describe('LinkedIn double', () => {
  let li: LinkedInDouble;
  let token: string;
  beforeAll(async () => {
    li = await LinkedInDouble.start();
    const r = await fetch(li.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: li.clientId,
        client_secret: li.clientSecret,
      }).toString(),
    });
    token = (await json(r)).access_token;
  });
  afterAll(() => li.close());

  test('Rest.li 2.0 is required, the CRM instance URN must be encoded, and overlong URLs are refused', async () => {
    const urn = 'urn%3Ali%3AcrmInstance%3A%28SFDC%2C00D000000000001%29';
    const noHeader = await fetch(`${li.apiBaseUrl}/crmDataValidationExportJobs/1?crmInstanceId=${urn}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(noHeader.status).toBe(400);
    const h = { Authorization: `Bearer ${token}`, 'X-Restli-Protocol-Version': '2.0.0' };
    const raw = await fetch(
      `${li.apiBaseUrl}/crmDataValidationExportJobs/1?crmInstanceId=urn:li:crmInstance:(SFDC,00D000000000001)`,
      { headers: h },
    );
    expect(raw.status).toBe(400);
    const created = await fetch(`${li.apiBaseUrl}/crmDataValidationExportJobs?crmInstanceId=${urn}`, {
      method: 'POST',
      headers: { ...h, 'Content-Type': 'application/json' },
      body: '{"exportStartAt":1533772800000}',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-restli-id')).toBe('148');
    expect(created.headers.get('location')).toBe('/crmDataValidationExportJobs/148');
    const long = await fetch(
      `${li.apiBaseUrl}/salesNavigatorProfileAssociations?ids=List(${'(instanceId:a,partner:b,recordId:c),'.repeat(300)}(instanceId:a,partner:b,recordId:c))`,
      { headers: h },
    );
    expect(long.status).toBe(414);
  });
});
