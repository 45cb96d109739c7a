import {
  REPORT_DEFINITIONS,
  dataverseColumns,
  dataverseCellName,
  dataverseLocalizedLabels,
  dataverseReportDefinitions,
  dataverseViewDefinitions,
  renderDataverseReport,
  renderFetchXml,
  renderLayoutXml,
  renderSalesforceListViewXml,
  renderSalesforceReportXml,
  renderSavedQuery,
  reportDefinition,
  salesforceListViewDefinitions,
  salesforceListViewFacts,
  salesforceReportDefinitions,
  salesforceReportFacts,
  type ReportDefinition,
} from '../../../src/domain/reports/index';
import { t, CATALOGUES, LOCALES } from '../../../src/domain/i18n/index';
import { DV, DV_VALUES, SF } from '../../../src/domain/crmSchema';
import { attrValues, fetchSchemaErrors, texts, wellFormedError, xpath } from './xmllint';

const views = dataverseViewDefinitions();
const dvReports = dataverseReportDefinitions();
const sfReports = salesforceReportDefinitions();
const listViews = salesforceListViewDefinitions();
const byId = (ids: ReportDefinition[]) => ids.map((d) => [d.id, d] as const);

describe('report definitions', () => {
  test('Dataverse: four views and six reports; Salesforce: seven reports and two list views', () => {
    expect(views.map((d) => d.id).sort()).toEqual([
      'contactsAll',
      'contactsMine',
      'opportunitiesAll',
      'opportunitiesMine',
    ]);
    expect(dvReports.map((d) => d.id).sort()).toEqual([
      'accountsAll',
      'accountsMine',
      'contactsAll',
      'contactsMine',
      'opportunitiesAll',
      'opportunitiesMine',
    ]);
    expect(sfReports).toHaveLength(7);
    expect(sfReports.map((d) => d.id)).toContain('unresolved');
    expect(listViews.map((d) => d.salesforce.listViewName).sort()).toEqual([
      'NavSync_Not_At_Company_All',
      'NavSync_Not_At_Company_Mine',
    ]);
  });

  test('ids, Dataverse record ids and Salesforce names are unique', () => {
    const unique = (xs: (string | undefined)[]) => {
      const present = xs.filter((x): x is string => x !== undefined);
      return new Set(present.map((x) => x.toLowerCase())).size === present.length;
    };
    expect(unique(REPORT_DEFINITIONS.map((d) => d.id))).toBe(true);
    expect(unique(REPORT_DEFINITIONS.flatMap((d) => [d.dataverse.viewId, d.dataverse.reportId]))).toBe(true);
    expect(unique(REPORT_DEFINITIONS.map((d) => d.salesforce.reportDeveloperName))).toBe(true);
    expect(unique(REPORT_DEFINITIONS.map((d) => d.dataverse.reportFileName))).toBe(true);
  });

  test.each(byId([...REPORT_DEFINITIONS]))(
    '%s: title, short title, description and headers exist in every language',
    (_id, def) => {
      const keys = [def.titleKey, def.shortTitleKey, def.descriptionKey, ...def.family.columns.map((c) => c.headerKey)];
      for (const locale of LOCALES) for (const key of keys) expect(CATALOGUES[locale][key]).toBeTruthy();
    },
  );

  test.each(byId(sfReports))(
    '%s: Salesforce report name ≤ 40 characters, developer name NavSync_-prefixed',
    (_id, def) => {
      expect(t(def.shortTitleKey, 'en').length).toBeLessThanOrEqual(40);
      expect(def.salesforce.reportDeveloperName).toMatch(/^NavSync_[A-Za-z0-9_]{1,72}$/);
      expect(def.salesforce.reportDeveloperName).not.toMatch(/__|_$/);
    },
  );

  test('Dataverse record ids are GUIDs', () => {
    for (const d of REPORT_DEFINITIONS) {
      for (const id of [d.dataverse.viewId, d.dataverse.reportId]) {
        if (id) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      }
    }
  });

  test('reportDefinition finds by id and rejects an unknown id', () => {
    expect(reportDefinition('contactsMine').scope).toBe('mine');
    expect(() => reportDefinition('nope')).toThrow(/Unknown report/);
  });
});

/** Every attribute a fetch returns, as layout cell names (`attr` or `alias.attr`). */
function fetchedCells(fetch: string): string[] {
  const root = attrValues(fetch, '/fetch/entity/attribute', 'name');
  const linked: string[] = [];
  const n = Number(xpath(fetch, 'count(//link-entity)'));
  for (let i = 1; i <= n; i++) {
    const alias = xpath(fetch, `string((//link-entity)[${i}]/@alias)`);
    for (const a of attrValues(fetch, `(//link-entity)[${i}]/attribute`, 'name')) linked.push(`${alias}.${a}`);
  }
  return [...root, ...linked];
}

describe('Dataverse views (savedquery)', () => {
  test.each(byId(views))('%s: FetchXML is well formed and valid against Fetch.xsd', (_id, def) => {
    const fetch = renderFetchXml(def);
    expect(wellFormedError(fetch)).toBeNull();
    expect(fetchSchemaErrors(fetch)).toBeNull();
  });

  test.each(byId(views))('%s: every layout cell is fetched, and the primary id too', (_id, def) => {
    const fetch = renderFetchXml(def);
    const layout = renderLayoutXml(def);
    const cells = attrValues(layout, '//cell', 'name');
    expect(cells.length).toBeGreaterThanOrEqual(5);
    const fetched = fetchedCells(fetch);
    expect(cells.filter((c) => !fetched.includes(c))).toEqual([]);
    expect(fetched).toContain(xpath(layout, 'string(/grid/row/@id)'));
  });

  test.each(byId(views))('%s: grid, row and savedquery body agree with the table', (_id, def) => {
    const body = renderSavedQuery(def);
    const q = def.family.dataverse!.query;
    expect(body.returnedtypecode).toBe(xpath(body.fetchxml, 'string(/fetch/entity/@name)'));
    expect(body.querytype).toBe(0);
    expect(body.isdefault).toBe(false);
    expect(xpath(body.layoutxml, 'string(/grid/@name)')).toBe('resultset');
    expect(xpath(body.layoutxml, 'string(/grid/@object)')).toBe(String(q.objectTypeCode));
    expect(xpath(body.layoutxml, 'string(/grid/@jump)')).toBe(q.primaryName);
    expect(xpath(body.layoutxml, 'string(/grid/row/@name)')).toBe('result');
    expect(xpath(body.layoutxml, 'string(/grid/row/@id)')).toBe(q.primaryId);
    expect(body.savedqueryid).toBe(def.dataverse.viewId);
    expect(body.name).toBe(t(def.titleKey, 'en'));
  });

  test.each(byId(views))('%s: columns from linked tables are not sortable', (_id, def) => {
    const layout = renderLayoutXml(def);
    for (const c of dataverseColumns(def)) {
      const sortable = xpath(layout, `string(//cell[@name="${dataverseCellName(c)}"]/@disableSorting)`);
      expect(sortable).toBe(c.dataverse!.link ? '1' : '');
    }
  });

  test('saved query names follow the requested language', () => {
    const def = reportDefinition('opportunitiesMine');
    expect(renderSavedQuery(def, 'de').name).toBe(
      'Meine gefährdeten Verkaufschancen: Kontakt hat Unternehmen verlassen',
    );
    expect(renderSavedQuery(def, 'en').name).toBe('My Opportunities at Risk: Contact Left Company');
  });

  test('localized labels carry the five LCIDs with translated text', () => {
    const labels = dataverseLocalizedLabels(reportDefinition('contactsAll').titleKey);
    expect(labels.map((l) => l.languageCode)).toEqual([1033, 1043, 1036, 1040, 1031]);
    expect(new Set(labels.map((l) => l.label)).size).toBe(5);
  });
});

describe('My vs All', () => {
  const pairs = [
    ['contactsAll', 'contactsMine'],
    ['opportunitiesAll', 'opportunitiesMine'],
    ['accountsAll', 'accountsMine'],
  ] as const;

  test.each(pairs)('%s has no owner condition; %s adds ownerid eq-userid at the root', (allId, mineId) => {
    const all = renderFetchXml(reportDefinition(allId));
    const mine = renderFetchXml(reportDefinition(mineId));
    expect(xpath(all, 'count(//condition[@attribute="ownerid"])')).toBe('0');
    expect(xpath(mine, 'count(/fetch/entity/filter/condition[@attribute="ownerid"][@operator="eq-userid"])')).toBe('1');
    expect(xpath(mine, 'count(/fetch/entity/filter/condition[@attribute="ownerid"]/@value)')).toBe('0');
    // Nothing else differs.
    expect(mine.replace('<condition attribute="ownerid" operator="eq-userid" />', '')).toBe(all);
  });

  test.each(pairs)('Salesforce %s / %s differ only in scope organization → user', (allId, mineId) => {
    const all = salesforceReportFacts(reportDefinition(allId));
    const mine = salesforceReportFacts(reportDefinition(mineId));
    expect(all.scope).toBe('organization');
    expect(mine.scope).toBe('user');
    expect(mine.columns).toEqual(all.columns);
    expect(mine.filters).toEqual(all.filters);
    expect(mine.crossFilters).toEqual(all.crossFilters);
  });

  test('list views: Everything vs Mine', () => {
    expect(salesforceListViewFacts(reportDefinition('contactsAll')).filterScope).toBe('Everything');
    expect(salesforceListViewFacts(reportDefinition('contactsMine')).filterScope).toBe('Mine');
  });
});

describe('what each query asks for', () => {
  const flag = String(DV_VALUES.notAtCompany.notAtCompany);

  test('contacts: active contacts whose flag is Not at company', () => {
    const f = renderFetchXml(reportDefinition('contactsAll'));
    expect(xpath(f, 'string(/fetch/entity/@name)')).toBe('contact');
    expect(
      xpath(
        f,
        `count(/fetch/entity/filter/condition[@attribute="${DV.person.notAtCompany}"][@operator="eq"][@value="${flag}"])`,
      ),
    ).toBe('1');
    expect(xpath(f, 'count(/fetch/entity/filter/condition[@attribute="statecode"][@value="0"])')).toBe('1');
    expect(xpath(f, 'count(//link-entity)')).toBe('0');
  });

  test('opportunities: open, primary contact or stakeholder connection flagged, distinct rows', () => {
    const f = renderFetchXml(reportDefinition('opportunitiesAll'));
    expect(xpath(f, 'string(/fetch/@distinct)')).toBe('true');
    expect(xpath(f, 'count(/fetch/entity/filter/condition[@attribute="statecode"][@value="0"])')).toBe('1');
    expect(xpath(f, 'string(//link-entity[@alias="pc"]/@to)')).toBe('parentcontactid');
    expect(xpath(f, 'string(//link-entity[@alias="pc"]/@name)')).toBe('contact');
    expect(xpath(f, 'string(//link-entity[@alias="conn"]/@name)')).toBe('connection');
    expect(xpath(f, 'string(//link-entity[@alias="conn"]/@from)')).toBe('record1id');
    expect(xpath(f, 'string(//link-entity[@alias="conn"]/link-entity[@alias="sc"]/@to)')).toBe('record2id');
    const or = '/fetch/entity/filter/filter[@type="or"]/condition';
    expect(attrValues(f, or, 'entityname').sort()).toEqual(['pc', 'sc']);
    expect(attrValues(f, or, 'value')).toEqual([flag, flag]);
  });

  test('accounts: inner join to contacts of the account with the flag', () => {
    const f = renderFetchXml(reportDefinition('accountsMine'));
    expect(xpath(f, 'string(/fetch/entity/@name)')).toBe('account');
    expect(xpath(f, 'string(//link-entity/@from)')).toBe('parentcustomerid');
    expect(xpath(f, 'string(//link-entity/@to)')).toBe('accountid');
    expect(xpath(f, 'string(//link-entity/@link-type)')).toBe('inner');
    expect(
      xpath(f, `count(//link-entity/filter/condition[@attribute="${DV.person.notAtCompany}"][@value="${flag}"])`),
    ).toBe('1');
  });

  test.each(byId(dvReports))('%s report: pre-filterable FetchXML, valid against Fetch.xsd', (_id, def) => {
    const r = renderDataverseReport(def);
    expect(fetchSchemaErrors(r.fetchxml)).toBeNull();
    expect(xpath(r.fetchxml, 'string(/fetch/entity/@enableprefiltering)')).toBe('1');
    expect(xpath(r.fetchxml, 'string(/fetch/entity/@prefilterparametername)')).toBe(r.prefilterParameter);
    expect(r.prefilterParameter).toMatch(/^CRM_Filtered(Contact|Opportunity|Account)$/);
    expect(r.filename).toMatch(/\.rdl$/);
    const fetched = fetchedCells(r.fetchxml);
    expect(r.columns.filter((c) => !fetched.includes(c.field))).toEqual([]);
  });

  test('report column headers are localized', () => {
    const en = renderDataverseReport(reportDefinition('accountsAll'), 'en');
    const it = renderDataverseReport(reportDefinition('accountsAll'), 'it');
    expect(it.languagecode).toBe(1040);
    expect(en.columns.map((c) => c.field)).toEqual(it.columns.map((c) => c.field));
    expect(it.columns[0].header).not.toBe(en.columns[0].header);
  });

  test('a view cannot be rendered for a definition Dataverse does not have', () => {
    expect(() => renderSavedQuery(reportDefinition('accountsAll'))).toThrow(/not a Dataverse view/);
    expect(() => renderFetchXml(reportDefinition('unresolved'))).toThrow(/no Dataverse rendering/);
  });
});

describe('XML escaping', () => {
  test('names and values with quotes, ampersands and angle brackets stay well formed and round-trip', () => {
    const base = reportDefinition('contactsAll');
    const nasty = 'O\'Brien & "Sons" <GmbH>';
    const q = base.family.dataverse!.query;
    const def: ReportDefinition = {
      ...base,
      family: {
        ...base.family,
        dataverse: {
          ...base.family.dataverse!,
          query: {
            ...q,
            filter: { type: 'and', conditions: [{ attribute: 'lastname', operator: 'eq', value: nasty }] },
          },
        },
      },
    };
    const f = renderFetchXml(def);
    expect(wellFormedError(f)).toBeNull();
    expect(xpath(f, 'string(//condition[@attribute="lastname"]/@value)')).toBe(nasty);
  });
});

describe('Salesforce reports', () => {
  const cases: [string, string, string, string[]][] = [
    [
      'contactsAll',
      'ContactList',
      'organization',
      ['FIRST_NAME', 'LAST_NAME', 'ACCOUNT.NAME', `Contact.${SF.person.notAtCompany}`],
    ],
    ['contactsMine', 'ContactList', 'user', ['EMAIL', 'TITLE']],
    [
      'opportunitiesAll',
      'OpportunityContact',
      'organization',
      ['OPPORTUNITY.NAME', 'STAGE_NAME', 'CLOSE_DATE', 'ROLE'],
    ],
    ['opportunitiesMine', 'OpportunityContact', 'user', ['OPPORTUNITY.NAME']],
    ['accountsAll', 'AccountList', 'organization', ['ACCOUNT.NAME']],
    ['accountsMine', 'AccountList', 'user', ['ACCOUNT.NAME', 'USERS.NAME']],
    ['unresolved', 'Activity', 'organization', ['SUBJECT', `Activity.${SF.task.activityType}`, 'ASSIGNED']],
  ];

  test.each(cases)('%s: report type %s, scope %s, columns', (id, type, scope, someColumns) => {
    const f = salesforceReportFacts(reportDefinition(id));
    expect(f.reportType).toBe(type);
    expect(f.scope).toBe(scope);
    for (const c of someColumns) expect(f.columns).toContain(c);
    expect(f.fullName).toBe(`NavSync_Reports/${f.developerName}`);
    if (f.sortColumn) expect(f.columns).toContain(f.sortColumn);
  });

  test('contacts and opportunities filter on the Not at Company picklist value', () => {
    for (const id of ['contactsAll', 'opportunitiesMine']) {
      expect(salesforceReportFacts(reportDefinition(id)).filters).toEqual([
        { column: `Contact.${SF.person.notAtCompany}`, operator: 'equals', value: 'Not at Company', isUnlocked: true },
      ]);
    }
    expect(salesforceReportFacts(reportDefinition('opportunitiesAll')).params).toContainEqual({
      name: 'include',
      value: 'open',
    });
  });

  test('accounts use a "with Contacts" cross filter on the flag (bare field name)', () => {
    const f = salesforceReportFacts(reportDefinition('accountsAll'));
    expect(f.filters).toEqual([]);
    expect(f.crossFilters).toEqual([
      {
        operation: 'with',
        primaryTableColumn: 'ACCOUNT_ID',
        relatedTable: 'Contact',
        relatedTableJoinColumn: 'Account',
        criteria: [{ column: SF.person.notAtCompany, operator: 'equals', value: 'Not at Company', isUnlocked: false }],
      },
    ]);
  });

  test('unresolved activities: tasks of a LinkedIn type with neither contact nor lead', () => {
    const f = salesforceReportFacts(reportDefinition('unresolved'));
    expect(f.params).toEqual(
      expect.arrayContaining([
        { name: 'type', value: 't' },
        { name: 'closed', value: 'all' },
      ]),
    );
    const byColumn = Object.fromEntries(f.filters.map((c) => [c.column, c]));
    expect(byColumn[`Activity.${SF.task.activityType}`].value.split(',')).toEqual([
      'InMail',
      'Message',
      'Note',
      'Call',
    ]);
    expect(byColumn.CONTACT).toMatchObject({ operator: 'equals', value: '' });
    expect(byColumn.LEAD).toMatchObject({ operator: 'equals', value: '' });
    expect(f.sortOrder).toBe('Desc');
  });

  const order = [
    'columns',
    'crossFilters',
    'currency',
    'description',
    'filter',
    'format',
    'groupingsDown',
    'name',
    'params',
    'reportType',
    'scope',
    'showDetails',
    'showGrandTotal',
    'showSubTotals',
    'sortColumn',
    'sortOrder',
    'timeFrameFilter',
  ];

  test.each(byId(sfReports))(
    '%s: .report-meta.xml is well formed, in schema order, and says what the facts say',
    (_id, def) => {
      const xml = renderSalesforceReportXml(def);
      const facts = salesforceReportFacts(def);
      expect(wellFormedError(xml)).toBeNull();
      const n = Number(xpath(xml, 'count(/*/*)'));
      const names: string[] = [];
      for (let i = 1; i <= n; i++) names.push(xpath(xml, `local-name(/*/*[${i}])`));
      const positions = names.map((x) => order.indexOf(x));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(texts(xml, '/*/*[local-name()="columns"]/*[local-name()="field"]')).toEqual(facts.columns);
      expect(xpath(xml, 'string(/*/*[local-name()="scope"])')).toBe(facts.scope);
      expect(xpath(xml, 'string(/*/*[local-name()="name"])')).toBe(facts.name);
      expect(Number(xpath(xml, 'count(//*[local-name()="filter"]/*[local-name()="criteriaItems"])'))).toBe(
        facts.filters.length,
      );
    },
  );
});

describe('Salesforce list views', () => {
  test.each(byId(listViews))('%s: well formed, bare custom field names, filter on the flag', (_id, def) => {
    const xml = renderSalesforceListViewXml(def);
    const facts = salesforceListViewFacts(def);
    expect(wellFormedError(xml)).toBeNull();
    expect(facts.columns).toContain(SF.person.notAtCompany);
    expect(facts.columns.filter((c) => c.startsWith('Contact.'))).toEqual([]);
    expect(facts.filters).toEqual([{ field: SF.person.notAtCompany, operation: 'equals', value: 'Not at Company' }]);
    expect(facts.label.length).toBeLessThanOrEqual(40);
    expect(texts(xml, '//*[local-name()="columns"]')).toEqual(facts.columns);
  });
});
