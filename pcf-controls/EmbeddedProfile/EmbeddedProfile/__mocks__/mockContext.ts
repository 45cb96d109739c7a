import { CATALOGUES, DATAVERSE_LCID, type Locale } from '@navsync/shared-ts';
import type { IInputs } from '../generated/ManifestTypes';

/**
 * A typed PCF context for tests: the manifest's parameters, `webAPI` backed by an in-memory table of rows,
 * `utils.lookupObjects`, `resources.getString` backed by the same catalogues the RESX files are generated from,
 * and `mode.contextInfo` (the form's record).
 */

type Row = Record<string, unknown>;

export interface MockContextOptions {
  entity?: string;
  id?: string | null;
  row?: Row;
  /** Other rows the form's record points at, by `entity:id` (an opportunity's contacts). */
  others?: Record<string, Row>;
  inputs?: Partial<Record<keyof IInputs, string | null>>;
  locale?: Locale;
  lookup?: ComponentFramework.LookupValue[];
}

export interface MockContext {
  context: ComponentFramework.Context<IInputs>;
  rows: Map<string, Row>;
  webAPI: { retrieveRecord: jest.Mock; updateRecord: jest.Mock };
  lookupObjects: jest.Mock;
}

function text(raw: string | null | undefined): ComponentFramework.PropertyTypes.StringProperty {
  return {
    raw: raw ?? null,
    formatted: raw ?? undefined,
    error: false,
    errorMessage: '',
    type: 'SingleLine.Text',
    attributes: undefined,
  } as unknown as ComponentFramework.PropertyTypes.StringProperty;
}

export function createMockContext(options: MockContextOptions = {}): MockContext {
  const entity = options.entity ?? 'contact';
  const id = options.id === undefined ? '6f1a0000-0000-0000-0000-000000000001' : options.id;
  const rows = new Map<string, Row>();
  if (id) rows.set(`${entity}:${id}`, { ...(options.row ?? {}) });
  for (const [key, row] of Object.entries(options.others ?? {})) rows.set(key, { ...row });
  const inputs = options.inputs ?? {};
  const catalogue = CATALOGUES[options.locale ?? 'en'];

  const retrieveRecord = jest.fn(async (e: string, rid: string, query?: string) => {
    const row = rows.get(`${e}:${rid}`);
    if (!row) throw new Error(`${e} With Ids = ${rid} Do Not Exist`);
    const select = /\$select=([^&]+)/.exec(query ?? '')?.[1]?.split(',') ?? Object.keys(row);
    const out: Row = {};
    for (const col of select) {
      if (col.startsWith('navsync_notatcompany') && row.__noNotAtCompanyColumn) {
        throw new Error(
          "Could not find a property named 'navsync_notatcompany' on type 'Microsoft.Dynamics.CRM.contact'.",
        );
      }
      if (col in row) out[col] = row[col];
      const formatted = `${col}@OData.Community.Display.V1.FormattedValue`;
      if (formatted in row) out[formatted] = row[formatted];
    }
    return out;
  });
  const updateRecord = jest.fn(async (e: string, rid: string, data: Row) => {
    const row = rows.get(`${e}:${rid}`);
    if (!row) throw new Error(`${e} With Ids = ${rid} Do Not Exist`);
    for (const [k, v] of Object.entries(data)) {
      const bind = /^(\w+?)(?:_account)?@odata\.bind$/.exec(k);
      if (bind) {
        const accountId = /\/accounts\(([^)]+)\)/.exec(String(v))?.[1] ?? '';
        const valueKey = `_${bind[1]}_value`;
        row[valueKey] = accountId;
        row[`${valueKey}@OData.Community.Display.V1.FormattedValue`] =
          (row.__accountNames as Record<string, string> | undefined)?.[accountId] ?? accountId;
      } else {
        row[k] = v;
      }
    }
    return { id: rid, entityType: e };
  });
  // The $filter subset the control sends: `a eq v` joined by `or`.
  const retrieveMultipleRecords = jest.fn(async (e: string, query?: string, max?: number) => {
    const filter = decodeURIComponent(/\$filter=([^&]+)/.exec(query ?? '')?.[1] ?? '');
    const clauses = filter ? filter.split(' or ').map((c) => c.split(' eq ')) : [];
    const entities = [...rows.entries()]
      .filter(([key]) => key.startsWith(`${e}:`))
      .map(([key, row]) => ({ [`${e}id`]: key.slice(e.length + 1), ...row }))
      .filter((row) => clauses.some(([col, value]) => String(row[col]) === value))
      .slice(0, max ?? 5000);
    return { entities, nextLink: undefined } as unknown as ComponentFramework.WebApi.RetrieveMultipleResponse;
  });
  const lookupObjects = jest.fn(async () => options.lookup ?? []);

  const context = {
    parameters: {
      lastName: text(inputs.lastName ?? 'Jansen'),
      firstName: text(inputs.firstName),
      email: text(inputs.email),
      company: text(inputs.company),
      title: text(inputs.title),
      displayServicesApiKey: text(inputs.displayServicesApiKey),
    },
    webAPI: {
      retrieveRecord,
      updateRecord,
      createRecord: jest.fn(),
      deleteRecord: jest.fn(),
      retrieveMultipleRecords,
    },
    utils: { lookupObjects, getEntityMetadata: jest.fn(), hasEntityPrivilege: jest.fn() },
    resources: { getString: (key: string) => catalogue[key] ?? key, getResource: jest.fn() },
    mode: {
      contextInfo: { entityId: id ?? '', entityTypeName: entity },
      isControlDisabled: false,
      isVisible: true,
      label: '',
      setControlState: jest.fn(),
      setFullScreen: jest.fn(),
      trackContainerResize: jest.fn(),
      allocatedHeight: -1,
      allocatedWidth: -1,
    },
    // The platform hands the control the RESX of the user's language.
    userSettings: { languageId: DATAVERSE_LCID[options.locale ?? 'en'] },
  } as unknown as ComponentFramework.Context<IInputs>;

  return { context, rows, webAPI: { retrieveRecord, updateRecord }, lookupObjects };
}
