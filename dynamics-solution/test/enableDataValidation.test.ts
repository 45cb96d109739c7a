import { DV, DV_VALUES, t, dataverseReportDefinitions, dataverseViewDefinitions } from '@navsync/shared-ts';
import {
  COMPANION_SOLUTION,
  enableDataValidation,
  EnableStepError,
  removeDataValidationArtifacts,
  type ProgressEvent,
} from '../src/webresources/dataValidation/enable';
import { FetchWebApi } from '../src/webresources/dataValidation/webApi';
import { notAtCompanyColumn, reportPayloads, viewPayloads } from '../src/webresources/dataValidation/artifacts';
import { DataverseWebApiDouble } from './webApiDouble';

let double: DataverseWebApiDouble;
let api: FetchWebApi;

beforeEach(async () => {
  double = new DataverseWebApiDouble();
  api = new FetchWebApi(await double.start(), fetch);
});
afterEach(() => double.stop());

const posts = (path: string) => double.writes().filter((r) => r.method === 'POST' && r.path === path);

describe('turning data validation on', () => {
  test('creates the choice column on contact with the three options and labels in five languages', async () => {
    await enableDataValidation(api);
    const [create] = posts("EntityDefinitions(LogicalName='contact')/Attributes");
    const body = create.body as any;
    expect(body['@odata.type']).toBe('Microsoft.Dynamics.CRM.PicklistAttributeMetadata');
    expect(body.SchemaName).toBe(DV.person.notAtCompany);
    expect(body.DefaultFormValue).toBe(DV_VALUES.notAtCompany.noFeedback);
    expect(body.OptionSet.IsGlobal).toBe(false);
    expect(body.OptionSet.Options.map((o: any) => o.Value)).toEqual([613730000, 613730001, 613730002]);
    const labels = (o: any) => Object.fromEntries(o.Label.LocalizedLabels.map((l: any) => [l.LanguageCode, l.Label]));
    expect(labels(body.OptionSet.Options[1])).toEqual({
      1033: 'Not at company',
      1043: 'Niet bij bedrijf',
      1036: 'Ne fait plus partie de l’entreprise',
      1040: 'Non più in azienda',
      1031: 'Nicht mehr im Unternehmen',
    });
    expect(body.DisplayName.LocalizedLabels.find((l: any) => l.LanguageCode === 1033).Label).toBe(
      'Not at Company Flag',
    );
  });

  test('sends labels only for the languages the environment has provisioned', async () => {
    double.provisioned = [1033, 1031];
    await enableDataValidation(api);
    const body = posts("EntityDefinitions(LogicalName='contact')/Attributes")[0].body as any;
    expect(body.DisplayName.LocalizedLabels.map((l: any) => l.LanguageCode)).toEqual([1033, 1031]);
    expect(body.OptionSet.Options[2].Label.LocalizedLabels.map((l: any) => l.Label)).toEqual(['Ignore', 'Ignorieren']);
  });

  test('a language NavSync has no texts for (Spanish, Japanese base) gets the English label, not none', async () => {
    double.provisioned = [3082, 1041, 1031];
    await enableDataValidation(api);
    const body = posts("EntityDefinitions(LogicalName='contact')/Attributes")[0].body as any;
    const labels = (l: any) => l.LocalizedLabels.map((x: any) => `${x.LanguageCode}:${x.Label}`);
    expect(labels(body.DisplayName)).toEqual([
      '3082:Not at Company Flag',
      '1041:Not at Company Flag',
      `1031:${t('dataverse.colNotAtCompany', 'de')}`,
    ]);
    expect(labels(body.OptionSet.Options[1].Label)).toEqual([
      '3082:Not at company',
      '1041:Not at company',
      '1031:Nicht mehr im Unternehmen',
    ]);
    for (const o of [body.DisplayName, body.Description, ...body.OptionSet.Options.map((x: any) => x.Label)]) {
      expect(o.LocalizedLabels.map((x: any) => x.LanguageCode)).toEqual([3082, 1041, 1031]);
    }
  });

  test('creates the four public views with the shared FetchXML and layout, "My" views filtered on the current user', async () => {
    await enableDataValidation(api);
    const views = posts('savedqueries').map((r) => r.body as any);
    expect(views).toHaveLength(4);
    expect(views.map((v) => v.savedqueryid).sort()).toEqual(
      dataverseViewDefinitions()
        .map((d) => d.dataverse.viewId)
        .sort(),
    );
    for (const v of views) {
      expect(v.querytype).toBe(0);
      expect(v.isdefault).toBe(false);
      expect(['contact', 'opportunity']).toContain(v.returnedtypecode);
      expect(v.fetchxml).toContain(`value="${DV_VALUES.notAtCompany.notAtCompany}"`);
      expect(v.layoutxml).toMatch(/^<grid name="resultset"/);
      expect(v.fetchxml.includes('operator="eq-userid"')).toBe(/^My /.test(v.name));
    }
    expect(views.map((v) => v.name).sort()).toEqual(
      [
        'All Contacts Not at Company',
        'All Opportunities at Risk: Contact Left Company',
        'My Contacts Not at Company',
        'My Opportunities at Risk: Contact Left Company',
      ].sort(),
    );
  });

  test('creates six FetchXML reports with an RDL body and where they show (category, table, visibility)', async () => {
    await enableDataValidation(api);
    const reports = posts('reports').map((r) => r.body as any);
    expect(reports).toHaveLength(6);
    expect(reports.map((r) => r.reportid).sort()).toEqual(
      dataverseReportDefinitions()
        .map((d) => d.dataverse.reportId)
        .sort(),
    );
    for (const r of reports) {
      expect(r.reporttypecode).toBe(1);
      expect(r.ispersonal).toBe(false);
      expect(r.languagecode).toBe(1033);
      expect(r.filename).toMatch(/\.rdl$/);
      expect(r.bodytext).toContain('<DataProvider>MSCRMFETCH</DataProvider>');
      const param = /prefilterparametername=&quot;(CRM_Filtered\w+)&quot;/.exec(r.bodytext)?.[1];
      expect(param).toBeDefined();
      expect(r.bodytext).toContain(`<QueryParameter Name="${param}">`);
      expect(r.bodytext).toContain(`<ReportParameter Name="${param}">`);
    }
    expect(double.companions.reportcategories).toHaveLength(6);
    expect(double.companions.reportentities.map((e) => e.objecttypecode).sort()).toEqual([
      'account',
      'account',
      'contact',
      'contact',
      'opportunity',
      'opportunity',
    ]);
    expect(double.companions.reportvisibilities).toHaveLength(12);
  });

  test('publishes contact, opportunity and account last, and reports progress step by step', async () => {
    const events: ProgressEvent[] = [];
    await enableDataValidation(api, { onProgress: (e) => events.push(e) });
    expect(double.published).toEqual([
      '<importexportxml><entities><entity>contact</entity><entity>opportunity</entity><entity>account</entity></entities></importexportxml>',
    ]);
    expect(double.writes().at(-1)?.path).toBe('PublishXml');
    expect(events.map((e) => `${e.step}:${e.state}`)).toEqual([
      'languages:running',
      'languages:done',
      'solution:running',
      'solution:done',
      'column:running',
      'column:done',
      'views:running',
      'views:done',
      'reports:running',
      'reports:done',
      'publish:running',
      'publish:done',
    ]);
  });

  test('sends exactly the reviewed payloads (npm run print:dataverse-artifacts), in the admin’s language', async () => {
    await enableDataValidation(api, { locale: 'nl' });
    expect(posts("EntityDefinitions(LogicalName='contact')/Attributes")[0].body).toEqual(notAtCompanyColumn());
    expect(posts('savedqueries').map((r) => r.body)).toEqual(viewPayloads('nl'));
    expect(posts('reports').map((r) => r.body)).toEqual(reportPayloads('nl').map((r) => r.record));
    // Names are in the admin's language, not English.
    expect((posts('savedqueries')[0].body as any).name).not.toBe(viewPayloads('en')[0].name);
    expect((posts('reports')[0].body as any).languagecode).toBe(1043);
  });

  test('a second run creates nothing and reports everything as existing', async () => {
    await enableDataValidation(api);
    const before = double.writes().length;
    const second = await enableDataValidation(api);
    const newWrites = double.writes().slice(before);
    expect(newWrites.map((w) => w.path)).toEqual(['PublishXml']);
    const byStep = Object.fromEntries(second.map((s) => [s.step, s]));
    expect(byStep.column.created).toEqual([]);
    expect(byStep.column.existing).toEqual(['contact.navsync_notatcompany']);
    expect(byStep.views.existing).toHaveLength(4);
    expect(byStep.reports.existing).toHaveLength(6);
    expect(byStep.reports.created).toEqual([]);
    expect(double.savedqueries.size).toBe(4);
    expect(double.reports.size).toBe(6);
  });

  test('the column probe asks for strong consistency (metadata reads can lag behind writes)', async () => {
    await enableDataValidation(api);
    const probe = double.requests.find(
      (r) => r.method === 'GET' && r.path.startsWith("EntityDefinitions(LogicalName='contact')/Attributes"),
    );
    expect(probe?.headers.consistency).toBe('Strong');
  });

  test('a failure names its step, keeps what was made, and the next run resumes without duplicates', async () => {
    double.failures.push({
      method: 'POST',
      pathStartsWith: 'reports',
      status: 403,
      code: '0x80040220',
      message: 'Principal user is missing prvCreateReport privilege',
      times: 1,
    });
    const events: ProgressEvent[] = [];
    const err = await enableDataValidation(api, { onProgress: (e) => events.push(e) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnableStepError);
    expect((err as EnableStepError).step).toBe('reports');
    expect((err as EnableStepError).detail).toContain('HTTP 403 0x80040220');
    expect(events.at(-1)).toMatchObject({ step: 'reports', state: 'failed' });
    expect(double.published).toEqual([]);
    expect(double.attributes.size).toBe(1);
    expect(double.savedqueries.size).toBe(4);
    expect(double.reports.size).toBe(0);

    const resumed = await enableDataValidation(api);
    expect(resumed.find((s) => s.step === 'column')?.created).toEqual([]);
    expect(resumed.find((s) => s.step === 'views')?.created).toEqual([]);
    expect(resumed.find((s) => s.step === 'reports')?.created).toHaveLength(6);
    expect(double.reports.size).toBe(6);
    expect(double.published).toHaveLength(1);
  });

  test('a run that stopped between a report and its companions completes the companions', async () => {
    double.failures.push({
      method: 'POST',
      pathStartsWith: 'reportvisibilities',
      status: 503,
      code: '',
      message: 'Service unavailable',
      times: 1,
    });
    await expect(enableDataValidation(api)).rejects.toThrow(/Step "reports" failed: HTTP 503/);
    expect(double.reports.size).toBe(1);
    await enableDataValidation(api);
    expect(double.companions.reportvisibilities).toHaveLength(12);
    expect(double.companions.reportcategories).toHaveLength(6);
  });

  test('turning it off removes the views and reports, keeps the column, and tolerates a second removal', async () => {
    await enableDataValidation(api);
    const removed = await removeDataValidationArtifacts(api);
    expect(removed).toHaveLength(10);
    expect(double.savedqueries.size).toBe(0);
    expect(double.reports.size).toBe(0);
    expect(double.attributes.size).toBe(1);
    expect(await removeDataValidationArtifacts(api)).toEqual([]);
  });
});

describe('which solution receives the new components', () => {
  const creates = () =>
    double
      .writes()
      .filter((w) => w.method === 'POST' && /^(EntityDefinitions|savedqueries$|reports$)/.test(w.path))
      .map((w) => w.headers['mscrm.solutionuniquename']);

  test('NavSync installed managed (production): an unmanaged companion solution under NavSync’s publisher takes them', async () => {
    const result = await enableDataValidation(api, { locale: 'de' });
    const companion = double.solutions.get(COMPANION_SOLUTION);
    expect(companion).toMatchObject({
      ismanaged: false,
      _publisherid_value: double.solutions.get('NavSync')?._publisherid_value,
    });
    expect(companion?.friendlyname).toBe('NavSync-Datenvalidierung');
    expect(creates()).toHaveLength(11);
    expect(new Set(creates())).toEqual(new Set([COMPANION_SOLUTION]));
    expect(result.find((s) => s.step === 'solution')?.created).toEqual([COMPANION_SOLUTION]);

    const again = await enableDataValidation(api);
    expect(double.writes().filter((w) => w.path === 'solutions')).toHaveLength(1);
    expect(again.find((s) => s.step === 'solution')?.existing).toEqual([COMPANION_SOLUTION]);
  });

  test('NavSync unmanaged (a development environment): NavSync itself takes them, no companion is made', async () => {
    double.solutions.get('NavSync')!.ismanaged = false;
    await enableDataValidation(api);
    expect(new Set(creates())).toEqual(new Set(['NavSync']));
    expect(double.solutions.has(COMPANION_SOLUTION)).toBe(false);
  });

  test('NavSync not installed as a solution: no header, the components go to the Default Solution', async () => {
    double.solutions.delete('NavSync');
    await enableDataValidation(api);
    expect(creates()).toHaveLength(11);
    expect(creates().every((h) => h === undefined)).toBe(true);
  });

  test('the double refuses the header for a managed solution and for an unknown one, as the platform does', async () => {
    const column = notAtCompanyColumn();
    const attempt = (name: string) =>
      api
        .request('POST', "EntityDefinitions(LogicalName='contact')/Attributes", column, {
          'MSCRM.SolutionUniqueName': name,
        })
        .catch((e: unknown) => e);
    expect(await attempt('NavSync')).toMatchObject({
      status: 400,
      message: expect.stringContaining('managed solution NavSync'),
    });
    expect(await attempt('Nope')).toMatchObject({ status: 404, code: '0x80040217' });
    expect(double.attributes.size).toBe(0);
  });
});
