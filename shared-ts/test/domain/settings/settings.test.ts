import fc from 'fast-check';
import {
  DEFAULT_SETTINGS,
  SETTINGS_NOT_SURE,
  defaultSettings,
  pipelineStageOptions,
  settingsErrorsFor,
  settingsFromDataverse,
  settingsFromSalesforce,
  settingsToDataverse,
  settingsToSalesforce,
  validateSettings,
  wonValueFieldOptions,
  writeBackKinds,
  type NavSyncSettings,
} from '../../../src/domain/settings/index';
import { CATALOGUES, LOCALES, t } from '../../../src/domain/i18n/index';

const stages = [
  { name: 'Prospecting', isClosed: false, sortOrder: 1 },
  { name: 'Qualification', isClosed: false, sortOrder: 2 },
  { name: 'Negotiation/Review', isClosed: false, sortOrder: 5 },
  { name: 'Proposal/Price Quote', isClosed: false, sortOrder: 4 },
  { name: 'Closed Won', isClosed: true, sortOrder: 9 },
  { name: 'Closed Lost', isClosed: true, sortOrder: 10 },
];
const opportunityFields = [
  { name: 'Amount', type: 'currency', label: 'Amount' },
  { name: 'ExpectedRevenue', type: 'currency', label: 'Expected Revenue' },
  { name: 'Probability', type: 'percent', label: 'Probability (%)' },
  { name: 'Won_Value_EUR__c', type: 'currency', label: 'Won value (EUR)' },
  { name: 'estimatedvalue', type: 'Money', label: 'Est. Revenue' },
];
const org = { stages, opportunityFields };
const connected = { ...DEFAULT_SETTINGS, connected: true };

describe('settings defaults', () => {
  test('a fresh install: auto-sync all, Not sure for stage and won value, write back all items, validation off', () => {
    expect(defaultSettings()).toEqual({
      autoSyncAllSeats: true,
      pipelineStage: null,
      wonValueField: null,
      writeBackEnabled: true,
      writeBackItems: 'all',
      dataValidationEnabled: false,
      embeddedProfileEnabled: false,
      photoRefreshEnabled: false,
      connected: false,
      lastSyncedAt: null,
    });
  });

  test('defaults are valid', () => {
    expect(validateSettings({}, org).ok).toBe(true);
  });

  test('defaultSettings returns a copy the caller may change', () => {
    const s = defaultSettings();
    s.pipelineStage = 'Prospecting';
    expect(DEFAULT_SETTINGS.pipelineStage).toBeNull();
  });
});

describe('validateSettings: field-level errors', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['stage not in the org', { pipelineStage: 'Verhandlung' }, 'pipelineStage', 'settings.errStageUnknown'],
    ['stage is closed', { pipelineStage: 'Closed Won' }, 'pipelineStage', 'settings.errStageClosed'],
    ['stage is not text', { pipelineStage: 42 }, 'pipelineStage', 'settings.errStageUnknown'],
    ['won-value field does not exist', { wonValueField: 'Revenue__c' }, 'wonValueField', 'settings.errWonFieldUnknown'],
    [
      'won-value field is a percent',
      { wonValueField: 'Probability' },
      'wonValueField',
      'settings.errWonFieldNotCurrency',
    ],
    [
      'write-back on, no items',
      { writeBackEnabled: true, writeBackItems: [] },
      'writeBackItems',
      'settings.errNoItems',
    ],
    [
      'unknown write-back item',
      { writeBackItems: ['inmail', 'smartlink'] },
      'writeBackItems',
      'settings.errUnknownItem',
    ],
    ['items not a list', { writeBackItems: 'inmail' }, 'writeBackItems', 'settings.errUnknownItem'],
    ['auto-sync not yes/no', { autoSyncAllSeats: 'yes' }, 'autoSyncAllSeats', 'settings.errYesNo'],
    [
      'data validation while not connected',
      { dataValidationEnabled: true },
      'dataValidationEnabled',
      'settings.errNeedsConnection',
    ],
    ['last synced not a date', { lastSyncedAt: 'yesterday' }, 'lastSyncedAt', 'settings.errDate'],
  ];

  test.each(cases)('%s', (_name, draft, field, key) => {
    const r = validateSettings(draft, org);
    expect(r.ok).toBe(false);
    expect(r.settings).toBeNull();
    expect(settingsErrorsFor(r, field as never).map((e) => e.key)).toContain(key);
    // Every error has a message in every language, with its parameters filled.
    for (const e of r.errors) {
      for (const locale of LOCALES) {
        expect(CATALOGUES[locale][e.key]).toBeTruthy();
        expect(t(e.key, locale, e.params)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  test('the error names the offending value', () => {
    const r = validateSettings({ wonValueField: 'Probability' }, org);
    expect(t(r.errors[0].key, 'en', r.errors[0].params)).toBe(
      '“Probability” is not a currency field. Choose a currency field or Not sure.',
    );
  });

  test('several errors are reported together, one per field', () => {
    const r = validateSettings({ pipelineStage: 'Closed Lost', wonValueField: 'Probability', writeBackItems: [] }, org);
    expect(r.errors.map((e) => e.field).sort()).toEqual(['pipelineStage', 'wonValueField', 'writeBackItems']);
  });

  test('a non-object draft is a form error', () => {
    for (const bad of [null, undefined, 42, 'x', []]) {
      const r = validateSettings(bad, org);
      expect(r.errors).toEqual([{ field: 'form', key: 'settings.errUnreadable', params: {} }]);
    }
  });
});

describe('validateSettings: accepted values', () => {
  test('an open stage and a currency field are kept; the field name takes the org spelling', () => {
    const r = validateSettings({ pipelineStage: ' Qualification ', wonValueField: 'won_value_eur__c' }, org);
    expect(r.ok).toBe(true);
    expect(r.settings!.pipelineStage).toBe('Qualification');
    expect(r.settings!.wonValueField).toBe('Won_Value_EUR__c');
  });

  test.each([[null], [''], ['   '], [SETTINGS_NOT_SURE]])('"%s" means Not sure', (v) => {
    const r = validateSettings({ pipelineStage: v, wonValueField: v }, org);
    expect(r.settings).toMatchObject({ pipelineStage: null, wonValueField: null });
  });

  test('Dataverse Money columns count as currency', () => {
    expect(validateSettings({ wonValueField: 'estimatedvalue' }, org).ok).toBe(true);
  });

  test('write-back off with no items is fine', () => {
    const r = validateSettings({ writeBackEnabled: false, writeBackItems: [] }, org);
    expect(r.ok).toBe(true);
    expect(writeBackKinds(r.settings!)).toEqual([]);
  });

  test('choosing all four items is "sync back all data items"; duplicates collapse, canonical order', () => {
    expect(
      validateSettings({ writeBackItems: ['call', 'note', 'message', 'inmail'] }, org).settings!.writeBackItems,
    ).toBe('all');
    expect(validateSettings({ writeBackItems: ['call', 'inmail', 'call'] }, org).settings!.writeBackItems).toEqual([
      'inmail',
      'call',
    ]);
  });

  test('data validation may be turned on once connected', () => {
    expect(validateSettings({ dataValidationEnabled: true }, org, connected).ok).toBe(true);
  });

  test('checks against the org are skipped when the org lists are not loaded', () => {
    expect(validateSettings({ pipelineStage: 'Anything', wonValueField: 'Whatever__c' }).ok).toBe(true);
  });

  test('fields missing from the draft keep the base values', () => {
    const base: NavSyncSettings = { ...connected, pipelineStage: 'Prospecting', writeBackItems: ['note'] };
    const r = validateSettings({ autoSyncAllSeats: false }, org, base);
    expect(r.settings).toEqual({ ...base, autoSyncAllSeats: false });
  });
});

describe('validateSettings is total', () => {
  test('any input gives a result with either settings or errors, never an exception', () => {
    fc.assert(
      fc.property(fc.anything(), (draft) => {
        const r = validateSettings(draft, org);
        expect(r.ok).toBe(r.errors.length === 0);
        expect(r.ok ? r.settings !== null : r.settings === null).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('any record of the right keys with any values is total, and accepted settings are valid again', () => {
    const draft = fc.record(
      {
        autoSyncAllSeats: fc.oneof(fc.boolean(), fc.anything()),
        pipelineStage: fc.oneof(fc.constantFrom(...stages.map((s) => s.name), null, ''), fc.string()),
        wonValueField: fc.oneof(fc.constantFrom(...opportunityFields.map((f) => f.name), null), fc.string()),
        writeBackEnabled: fc.boolean(),
        writeBackItems: fc.oneof(
          fc.constant('all'),
          fc.array(fc.constantFrom('inmail', 'message', 'note', 'call', 'fax')),
        ),
        dataValidationEnabled: fc.boolean(),
        connected: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(draft, (d) => {
        const r = validateSettings(d, org);
        if (r.ok) expect(validateSettings(r.settings, org).settings).toEqual(r.settings);
        else expect(r.errors.every((e) => typeof CATALOGUES.en[e.key] === 'string')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('settings page options', () => {
  test('pipeline stages: Not sure first, then open stages in pipeline order', () => {
    const opts = pipelineStageOptions(stages, t('common.notSure', 'nl'));
    expect(opts.map((o) => o.value)).toEqual([
      SETTINGS_NOT_SURE,
      'Prospecting',
      'Qualification',
      'Proposal/Price Quote',
      'Negotiation/Review',
    ]);
    expect(opts[0].label).toBe(t('common.notSure', 'nl'));
  });

  test('won-value fields: Not sure first, then only currency fields by label', () => {
    const opts = wonValueFieldOptions(opportunityFields, 'Not sure');
    expect(opts.map((o) => o.value)).toEqual([
      SETTINGS_NOT_SURE,
      'Amount',
      'estimatedvalue',
      'ExpectedRevenue',
      'Won_Value_EUR__c',
    ]);
  });
});

describe('settings ⇄ CRM records', () => {
  const sample: NavSyncSettings = {
    autoSyncAllSeats: false,
    pipelineStage: 'Proposal/Price Quote',
    wonValueField: 'Amount',
    writeBackEnabled: true,
    writeBackItems: ['inmail', 'note'],
    dataValidationEnabled: true,
    embeddedProfileEnabled: true,
    photoRefreshEnabled: true,
    connected: true,
    lastSyncedAt: '2026-11-21T05:00:00.000Z',
  };

  test('Salesforce: fields as in crmSchema, multi-select items, status only on request', () => {
    expect(settingsToSalesforce(sample)).toEqual({
      Auto_Sync_All_Seats__c: false,
      Pipeline_Stage__c: 'Proposal/Price Quote',
      Won_Value_Field__c: 'Amount',
      Write_Back_Enabled__c: true,
      Write_Back_Items__c: 'InMail;Note',
      Data_Validation_Enabled__c: true,
    });
    expect(settingsToSalesforce(sample, { namespace: 'navsync', includeStatus: true })).toMatchObject({
      navsync__Write_Back_Items__c: 'InMail;Note',
      navsync__Connected__c: true,
      navsync__Last_Synced_At__c: '2026-11-21T05:00:00.000Z',
    });
  });

  test('Salesforce round trip (plain, namespaced and UI-API record shapes)', () => {
    const plain = settingsToSalesforce(sample, { includeStatus: true });
    expect(settingsFromSalesforce(plain)).toEqual(sample);
    const ns = settingsToSalesforce(sample, { includeStatus: true, namespace: 'navsync' });
    expect(settingsFromSalesforce(ns, 'navsync')).toEqual(sample);
    const uiApi = {
      fields: Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, { value: v, displayValue: null }])),
    };
    expect(settingsFromSalesforce(uiApi)).toEqual(sample);
  });

  test('Salesforce: all four items and Not sure', () => {
    const all = { ...sample, writeBackItems: 'all' as const, pipelineStage: null, wonValueField: null };
    const rec = settingsToSalesforce(all);
    expect(rec.Write_Back_Items__c).toBe('InMail;Message;Note;Call');
    expect(rec.Pipeline_Stage__c).toBeNull();
    expect(settingsFromSalesforce(rec)).toMatchObject({
      writeBackItems: 'all',
      pipelineStage: null,
      wonValueField: null,
    });
  });

  test('no settings record yet = defaults', () => {
    expect(settingsFromSalesforce(null)).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromDataverse(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  test('Dataverse: columns as in crmSchema, comma-separated items, round trip', () => {
    const row = settingsToDataverse(sample, { includeStatus: true });
    expect(row).toMatchObject({
      navsync_autosyncallseats: false,
      navsync_pipelinestage: 'Proposal/Price Quote',
      navsync_writebackitems: 'inmail,note',
      navsync_embeddedprofileenabled: true,
      navsync_photorefreshenabled: true,
      navsync_lastsyncedat: '2026-11-21T05:00:00.000Z',
    });
    expect(settingsFromDataverse(row)).toEqual(sample);
    expect(settingsToDataverse(sample)).not.toHaveProperty('navsync_connected');
  });

  test('round trip keeps any valid settings (property)', () => {
    const arb = fc.record({
      autoSyncAllSeats: fc.boolean(),
      pipelineStage: fc.constantFrom(null, 'Prospecting', 'Qualification'),
      wonValueField: fc.constantFrom(null, 'Amount'),
      writeBackEnabled: fc.boolean(),
      writeBackItems: fc.oneof(
        fc.constant('all' as const),
        fc.subarray(['inmail', 'message', 'note'] as ('inmail' | 'message' | 'note')[]),
      ),
      dataValidationEnabled: fc.boolean(),
      embeddedProfileEnabled: fc.boolean(),
      photoRefreshEnabled: fc.boolean(),
      connected: fc.boolean(),
      lastSyncedAt: fc.constantFrom(null, '2026-01-02T03:04:05.000Z'),
    });
    fc.assert(
      fc.property(arb, (s) => {
        expect(settingsFromDataverse(settingsToDataverse(s, { includeStatus: true }))).toEqual(s);
        const sf = settingsFromSalesforce(settingsToSalesforce(s, { includeStatus: true }));
        expect(sf).toEqual({ ...s, embeddedProfileEnabled: true, photoRefreshEnabled: true });
      }),
    );
  });
});
