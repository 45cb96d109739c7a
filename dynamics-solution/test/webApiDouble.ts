import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback double of the Dataverse Web API subset the enable flow uses (dataverse-api.md §1–3): provisioned
 * languages, the contact attribute probe + create, savedqueries, reports and their companion tables, PublishXml.
 * It keeps what was created, logs every request, and can fail a chosen request to test resume.
 */

export interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface Failure {
  method: string;
  /** Matched against the decoded path (without /api/data/v9.2/). */
  pathStartsWith: string;
  status: number;
  code: string;
  message: string;
  /** How many matching requests fail (then it heals). */
  times: number;
}

const BASE = '/api/data/v9.2/';
const ID_COLUMN: Record<string, string> = {
  contacts: 'contactid',
  leads: 'leadid',
  accounts: 'accountid',
  annotations: 'annotationid',
  systemusers: 'systemuserid',
  navsync_seats: 'navsync_seatid',
};

/** `x@odata.bind: /set(id)` is stored as the lookup value `_x_value`, as the Web API returns it. */
function unbind(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    const bind = /^(\w+)@odata\.bind$/.exec(k);
    const id = bind ? /\(([^)]+)\)$/.exec(String(v))?.[1] : undefined;
    if (bind && id) out[`_${bind[1]}_value`] = id;
    else out[k] = v;
  }
  return out;
}

/** The OData $filter subset the callers use: `a ne null`, `a eq 5`, `a eq 'x'`, joined by `or` / `and`. */
function matches(row: Record<string, unknown>, filter: string | null): boolean {
  if (!filter) return true;
  const test = (clause: string): boolean => {
    const c = /^\s*(\w+) (eq|ne) (null|-?\d+|'[^']*')\s*$/.exec(clause);
    if (!c) throw new Error(`double: unsupported filter clause ${clause}`);
    const raw = c[3];
    const value = raw === 'null' ? null : raw.startsWith("'") ? raw.slice(1, -1) : Number(raw);
    const actual = row[c[1]] ?? null;
    return c[2] === 'eq' ? actual === value : actual !== value;
  };
  return filter.split(' or ').some((part) => part.split(' and ').every(test));
}
const PUBLISHER_ID = '9b1b0000-0000-0000-0000-000000000001';
const COMPANIONS = ['reportcategories', 'reportentities', 'reportvisibilities'] as const;

export class DataverseWebApiDouble {
  readonly requests: LoggedRequest[] = [];
  readonly attributes = new Map<string, Record<string, unknown>>();
  readonly savedqueries = new Map<string, Record<string, unknown>>();
  readonly reports = new Map<string, Record<string, unknown>>();
  readonly companions: Record<(typeof COMPANIONS)[number], Record<string, unknown>[]> = {
    reportcategories: [],
    reportentities: [],
    reportvisibilities: [],
  };
  published: string[] = [];
  /** navsync_settings rows by id. */
  readonly settingsRows = new Map<string, Record<string, unknown>>();
  /**
   * The signed-in user's UI language. Metadata labels carry every language (LocalizedLabels) and, computed for the
   * caller, UserLocalizedLabel: the user's language, else the base language (dataverse-api.md §1.1: read-only).
   */
  userLanguage = 1033;
  readonly baseLanguage = 1033;
  /** opportunity.salesstage, the org's options (the out-of-the-box four here; a test may change them). */
  salesStages: { Value: number; labels: Record<number, string> }[] = [
    { Value: 0, labels: { 1033: 'Qualify', 1031: 'Qualifizieren', 1043: 'Kwalificeren' } },
    { Value: 1, labels: { 1033: 'Develop', 1031: 'Entwickeln', 1043: 'Ontwikkelen' } },
    { Value: 2, labels: { 1033: 'Propose', 1031: 'Vorschlagen', 1043: 'Voorstellen' } },
    { Value: 3, labels: { 1033: 'Close', 1031: 'Abschließen', 1043: 'Sluiten' } },
  ];
  /** opportunity's money columns; each has its computed "_base" twin (AttributeOf names the column). */
  moneyColumns: { LogicalName: string; AttributeOf: string | null; labels: Record<number, string> }[] = [
    { LogicalName: 'estimatedvalue', AttributeOf: null, labels: { 1033: 'Est. Revenue', 1031: 'Geschätzter Umsatz' } },
    {
      LogicalName: 'estimatedvalue_base',
      AttributeOf: 'estimatedvalue',
      labels: { 1033: 'Est. Revenue (Base)', 1031: 'Geschätzter Umsatz (Basis)' },
    },
    { LogicalName: 'actualvalue', AttributeOf: null, labels: { 1033: 'Actual Revenue', 1031: 'Tatsächlicher Umsatz' } },
  ];

  /** A Label as the Web API returns it to this user. */
  label(labels: Record<number, string>) {
    const localized = Object.entries(labels).map(([code, text]) => ({
      Label: text,
      LanguageCode: Number(code),
      IsManaged: true,
    }));
    const mine =
      localized.find((l) => l.LanguageCode === this.userLanguage) ??
      localized.find((l) => l.LanguageCode === this.baseLanguage) ??
      null;
    return { LocalizedLabels: localized, UserLocalizedLabel: mine };
  }
  provisioned = [1033, 1043, 1036, 1040, 1031];
  /** Installed solutions by unique name; NavSync is installed managed, as customers install it. */
  readonly solutions = new Map<
    string,
    { solutionid: string; uniquename: string; friendlyname: string; ismanaged: boolean; _publisherid_value: string }
  >([
    [
      'NavSync',
      {
        solutionid: '5011a000-0000-0000-0000-000000000001',
        uniquename: 'NavSync',
        friendlyname: 'NavSync',
        ismanaged: true,
        _publisherid_value: PUBLISHER_ID,
      },
    ],
  ]);
  readonly publishers = [{ publisherid: PUBLISHER_ID, uniquename: 'navsync', customizationprefix: 'navsync' }];
  failures: Failure[] = [];
  /** Rows of plain entity sets (contacts, leads, accounts, activities, annotations) by set, then id. */
  readonly records = new Map<string, Map<string, Record<string, unknown>>>();
  /** A CRM rule (validation rule, plug-in) that refuses a create or update: return an error to refuse. */
  rule:
    ((set: string, body: Record<string, unknown>) => { status: number; code: string; message: string } | null) | null =
    null;
  private server: Server | null = null;
  private origin = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
    return `${this.origin}${BASE}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Requests that changed something (POST/DELETE). */
  writes(): LoggedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  /** Seed a row of a plain entity set. */
  seed(set: string, row: Record<string, unknown>): string {
    const idColumn = ID_COLUMN[set] ?? 'activityid';
    const id = String(row[idColumn] ?? `00000000-0000-4000-8000-${String(this.nextId++).padStart(12, '0')}`);
    this.table(set).set(id, { ...row, [idColumn]: id });
    return id;
  }

  table(set: string): Map<string, Record<string, unknown>> {
    let t = this.records.get(set);
    if (!t) {
      t = new Map();
      this.records.set(set, t);
    }
    return t;
  }

  private nextId = 1;

  private handleRecords(
    method: string,
    path: string,
    url: URL,
    body: unknown,
    prefer: string | undefined,
    res: ServerResponse,
  ): boolean {
    const m = /^([a-z_]+)(?:\(([0-9a-f-]+)\))?$/.exec(path);
    if (!m || !(m[1] in ID_COLUMN || /^navsync_\w+s$|^phonecalls$/.test(m[1]))) return false;
    if (m[1] === 'navsync_settingses') return false;
    const [, set, id] = m;
    const idColumn = ID_COLUMN[set] ?? 'activityid';
    const rows = this.table(set);
    const refuse = () => {
      const r = this.rule ? this.rule(set, (body ?? {}) as Record<string, unknown>) : null;
      if (r) this.error(res, r.status, r.code, r.message);
      return r !== null;
    };
    if (method === 'GET' && !id) {
      const filter = url.searchParams.get('$filter');
      const top = Number(url.searchParams.get('$top') ?? '5000');
      const hit = [...rows.values()].filter((r) => matches(r, filter)).slice(0, top);
      this.send(res, 200, { value: hit });
    } else if (method === 'POST' && !id) {
      if (refuse()) return true;
      const newId = this.seed(set, unbind(body as Record<string, unknown>));
      const row = rows.get(newId) as Record<string, unknown>;
      if ((prefer ?? '').includes('return=representation')) this.send(res, 201, row);
      else this.send(res, 204, undefined, { 'OData-EntityId': `${this.origin}${BASE}${set}(${newId})` });
    } else if (method === 'PATCH' && id) {
      if (refuse()) return true;
      rows.set(id, { ...(rows.get(id) ?? { [idColumn]: id }), ...unbind(body as Record<string, unknown>) });
      this.send(res, 204);
    } else if (method === 'DELETE' && id) {
      if (!rows.delete(id)) this.error(res, 404, '0x80040217', `${set} With Ids = ${id} Do Not Exist`);
      else this.send(res, 204);
    } else {
      this.error(res, 405, '0x0', 'Method not allowed');
    }
    return true;
  }

  private send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, {
      'OData-Version': '4.0',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json; odata.metadata=minimal' }),
      ...headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  private error(res: ServerResponse, status: number, code: string, message: string) {
    this.send(res, status, { error: { code, message } });
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.origin);
    if (!url.pathname.startsWith(BASE))
      return this.error(res, 404, '0x8006088a', `Resource not found for the segment '${url.pathname}'.`);
    const path = decodeURIComponent(url.pathname.slice(BASE.length));
    let body: unknown = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return this.error(res, 400, '0x0', 'Malformed JSON');
      }
    }
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: path + url.search, headers: req.headers, body });
    const failure = this.failures.find((f) => f.times > 0 && f.method === method && path.startsWith(f.pathStartsWith));
    if (failure) {
      failure.times--;
      return this.error(res, failure.status, failure.code, failure.message);
    }
    const filter = url.searchParams.get('$filter') ?? '';
    const eq = (field: string) => new RegExp(`${field} eq '?([^' ]+)'?`).exec(filter)?.[1];

    // MSCRM.SolutionUniqueName names the UNMANAGED solution a new component joins (learn.microsoft.com/power-apps/
    // developer/data-platform/optional-parameters). An unknown name fails as the platform reports it ("The given
    // solution unique name (X) is not valid", 0x80040217); a managed one is refused: components can only be added
    // to unmanaged solutions (AddSolutionComponent reference). The code of that refusal is not documented (0x0 here).
    const target = req.headers['mscrm.solutionuniquename'];
    if (method !== 'GET' && typeof target === 'string') {
      const sol = this.solutions.get(target);
      if (!sol) return this.error(res, 404, '0x80040217', `The given solution unique name (${target}) is not valid.`);
      if (sol.ismanaged)
        return this.error(
          res,
          400,
          '0x0',
          `Cannot add components to the managed solution ${target}: a component can only be added to an unmanaged solution.`,
        );
    }
    if (method === 'GET' && path === 'solutions') {
      const name = eq('uniquename');
      const sol = name ? this.solutions.get(name) : undefined;
      return this.send(res, 200, { value: sol ? [sol] : [] });
    }
    if (method === 'POST' && path === 'solutions') {
      const rec = unbind(body as Record<string, unknown>);
      const name = String(rec.uniquename ?? '');
      if (!name || !rec.friendlyname || !rec.version)
        return this.error(res, 400, '0x80040203', 'uniquename, friendlyname and version are required');
      if (this.solutions.has(name))
        return this.error(res, 412, '0x80040237', 'A record with matching key values already exists.');
      const publisher = this.publishers.find((p) => p.publisherid === rec._publisherid_value);
      if (!publisher) return this.error(res, 400, '0x80040217', 'publisher With Ids = ? Do Not Exist');
      const solutionid = `5011a000-0000-0000-0000-${String(this.solutions.size + 1).padStart(12, '0')}`;
      this.solutions.set(name, {
        solutionid,
        uniquename: name,
        friendlyname: String(rec.friendlyname),
        ismanaged: false,
        _publisherid_value: publisher.publisherid,
      });
      return this.send(res, 204, undefined, { 'OData-EntityId': `${this.origin}${BASE}solutions(${solutionid})` });
    }

    if (method === 'GET' && path === 'RetrieveProvisionedLanguages()') {
      return this.send(res, 200, { '@odata.context': 'x', RetrieveProvisionedLanguages: this.provisioned });
    }
    const attrs = /^EntityDefinitions\(LogicalName='(\w+)'\)\/Attributes$/.exec(path);
    if (attrs) {
      const table = attrs[1];
      if (method === 'GET') {
        const name = eq('LogicalName');
        const hit = [...this.attributes.values()].filter((a) => a.table === table && a.LogicalName === name);
        return this.send(res, 200, {
          value: hit.map((a) => ({ LogicalName: a.LogicalName, MetadataId: a.MetadataId })),
        });
      }
      if (method === 'POST') {
        const def = body as { SchemaName?: string; '@odata.type'?: string };
        if (!def.SchemaName || !def['@odata.type'])
          return this.error(res, 400, '0x0', 'SchemaName and @odata.type are required');
        const logical = def.SchemaName.toLowerCase();
        const key = `${table}.${logical}`;
        if (this.attributes.has(key))
          return this.error(res, 400, '0x80047013', `An attribute with the specified name ${logical} already exists`);
        const id = `00000000-0000-0000-0000-${String(this.attributes.size + 1).padStart(12, '0')}`;
        this.attributes.set(key, { ...def, table, LogicalName: logical, MetadataId: id });
        return this.send(res, 204, undefined, {
          'OData-EntityId': `${this.origin}${BASE}EntityDefinitions(LogicalName='${table}')/Attributes(${id})`,
        });
      }
    }
    const collection = (name: string, store: Map<string, Record<string, unknown>>, idField: string) => {
      if (method === 'GET' && path === name) {
        const id = eq(idField);
        return this.send(res, 200, { value: id && store.has(id) ? [{ [idField]: id }] : [] });
      }
      if (method === 'POST' && path === name) {
        const rec = body as Record<string, unknown>;
        const id = String(rec[idField] ?? '');
        if (!id) return this.error(res, 400, '0x0', `${idField} is required`);
        if (store.has(id))
          return this.error(res, 412, '0x80040237', 'A record with matching key values already exists.');
        store.set(id, rec);
        return this.send(res, 204, undefined, { 'OData-EntityId': `${this.origin}${BASE}${name}(${id})` });
      }
      const one = new RegExp(`^${name}\\(([0-9a-f-]+)\\)$`).exec(path);
      if (method === 'DELETE' && one) {
        if (!store.delete(one[1]))
          return this.error(res, 404, '0x80040217', `${name} With Ids = ${one[1]} Do Not Exist`);
        return this.send(res, 204);
      }
      return null;
    };
    if (path.startsWith('savedqueries') && collection('savedqueries', this.savedqueries, 'savedqueryid') !== null)
      return;
    if (path.startsWith('reports') && collection('reports', this.reports, 'reportid') !== null) return;
    for (const name of COMPANIONS) {
      if (path !== name) continue;
      const rows = this.companions[name];
      if (method === 'GET') {
        const reportId = eq('_reportid_value');
        const other = /and (\w+) eq '?([^' ]+)'?/.exec(filter);
        const hit = rows.filter((r) => r._reportid_value === reportId && (!other || String(r[other[1]]) === other[2]));
        return this.send(res, 200, { value: hit });
      }
      if (method === 'POST') {
        const rec = body as Record<string, unknown>;
        const bind = /^\/reports\(([0-9a-f-]+)\)$/.exec(String(rec['reportid@odata.bind'] ?? ''));
        if (!bind || !this.reports.has(bind[1]))
          return this.error(res, 400, '0x80040217', 'report With Ids = ? Do Not Exist');
        const { ['reportid@odata.bind']: _bound, ...rest } = rec;
        rows.push({ ...rest, _reportid_value: bind[1] });
        return this.send(res, 204);
      }
    }
    if (
      method === 'GET' &&
      path ===
        "EntityDefinitions(LogicalName='opportunity')/Attributes(LogicalName='salesstage')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata"
    ) {
      return this.send(res, 200, {
        LogicalName: 'salesstage',
        OptionSet: { Options: this.salesStages.map((o) => ({ Value: o.Value, Label: this.label(o.labels) })) },
      });
    }
    if (
      method === 'GET' &&
      path === "EntityDefinitions(LogicalName='opportunity')/Attributes/Microsoft.Dynamics.CRM.MoneyAttributeMetadata"
    ) {
      return this.send(res, 200, {
        value: this.moneyColumns.map((c) => ({
          '@odata.type': '#Microsoft.Dynamics.CRM.MoneyAttributeMetadata',
          LogicalName: c.LogicalName,
          AttributeOf: c.AttributeOf,
          DisplayName: this.label(c.labels),
        })),
      });
    }
    if (path === 'navsync_settingses' && method === 'GET') {
      return this.send(res, 200, { value: [...this.settingsRows.values()].slice(0, 1) });
    }
    if (path === 'navsync_settingses' && method === 'POST') {
      const id = `5e770000-0000-0000-0000-${String(this.settingsRows.size + 1).padStart(12, '0')}`;
      const row = { ...(body as Record<string, unknown>), navsync_settingsid: id };
      this.settingsRows.set(id, row);
      return this.send(res, 201, row);
    }
    const settingsRow = /^navsync_settingses\(([0-9a-f-]+)\)$/.exec(path);
    if (settingsRow && method === 'PATCH') {
      const row = this.settingsRows.get(settingsRow[1]);
      if (!row) return this.error(res, 404, '0x80040217', `navsync_settings With Ids = ${settingsRow[1]} Do Not Exist`);
      Object.assign(row, body as Record<string, unknown>);
      return this.send(res, 204);
    }
    if (this.handleRecords(method, path, url, body, String(req.headers.prefer ?? ''), res)) return;
    if (method === 'POST' && path === 'PublishXml') {
      const xml = (body as { ParameterXml?: string }).ParameterXml ?? '';
      if (!xml.startsWith('<importexportxml>')) return this.error(res, 400, '0x80040203', 'Invalid ParameterXml');
      this.published.push(xml);
      return this.send(res, 204);
    }
    return this.error(res, 404, '0x8006088a', `Resource not found for the segment '${path}'.`);
  }
}
