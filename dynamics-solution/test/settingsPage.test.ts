/**
 * @jest-environment jsdom
 */
import { DV, ERROR_CODES, RUN_STEPS, describeError, encodeLastRun, t } from '@navsync/shared-ts';
import { FetchWebApi } from '../src/webresources/dataValidation/webApi';
import { flow } from '../src/webresources/dataValidation/flow';
import { formatWhen, SettingsPage, TEXT } from '../src/webresources/settings/settingsPage';
import { nodeFetch } from './nodeFetch';
import { DataverseWebApiDouble } from './webApiDouble';

let double: DataverseWebApiDouble;
let root: HTMLElement;
let answers: boolean[];
let asked: string[];

const ADMIN = '0b0b0b0b-0000-0000-0000-000000000001';
const ORG = 'https://contoso.crm4.dynamics.com';

async function open(locale: 'en' | 'de' = 'en') {
  const api = new FetchWebApi(await double.start(), nodeFetch);
  const page = new SettingsPage(root, api, {
    locale,
    userId: ADMIN,
    orgUrl: ORG,
    dataValidation: async () => flow,
    confirm: (q) => {
      asked.push(q);
      return answers.shift() ?? false;
    },
  });
  await page.start();
  return page;
}

const box = (id: string) => root.querySelector(`#${id}`) as HTMLInputElement;
const sel = (id: string) => root.querySelector(`#${id}`) as HTMLSelectElement;
const row = () => [...double.settingsRows.values()][0];
const ROW_ID = '5e770000-0000-0000-0000-000000000009';

/** An org whose sync is connected (data validation needs a connection). */
function connected(): void {
  double.settingsRows.set(ROW_ID, {
    navsync_settingsid: ROW_ID,
    [DV.settings.connected]: true,
    [DV.settings.lastSyncedAt]: '2026-11-21T06:00:00Z',
    [DV.settings.writeBackEnabled]: true,
    [DV.settings.writeBackItems]: 'inmail,message,note,call',
  });
}

beforeEach(() => {
  double = new DataverseWebApiDouble();
  document.body.innerHTML = '<main id="root"></main>';
  root = document.getElementById('root') as HTMLElement;
  answers = [];
  asked = [];
});
afterEach(() => double.stop());

describe('settings page', () => {
  test('a fresh install shows the defaults: switches off, auto-sync on, Not sure, every write-back item', async () => {
    await open();
    expect(box('embeddedProfileEnabled').checked).toBe(false);
    expect(box('photoRefreshEnabled').checked).toBe(false);
    expect(box('dataValidationEnabled').checked).toBe(false);
    expect(box('autoSyncAllSeats').checked).toBe(true);
    expect(sel('pipelineStage').selectedOptions[0].textContent).toBe(t('common.notSure'));
    expect([...sel('pipelineStage').options].map((o) => o.textContent).slice(1)).toEqual([
      'Qualify',
      'Develop',
      'Propose',
      'Close',
    ]);
    // The computed "_base" twin of a money column is not offered.
    expect([...sel('wonValueField').options].map((o) => o.value).slice(1)).toEqual(['actualvalue', 'estimatedvalue']);
    for (const k of ['inmail', 'message', 'note', 'call']) expect(box(`item-${k}`).checked).toBe(true);
    expect((root.querySelector('#navsync-disconnect') as HTMLButtonElement).disabled).toBe(true);
  });

  test('saving creates the settings row with the chosen values', async () => {
    const page = await open();
    box('embeddedProfileEnabled').checked = true;
    sel('pipelineStage').value = '2';
    sel('wonValueField').value = 'estimatedvalue';
    box('item-note').checked = false;
    expect(await page.save()).toBe(true);
    expect(double.settingsRows.size).toBe(1);
    expect(row()).toMatchObject({
      [DV.settings.embeddedProfileEnabled]: true,
      [DV.settings.pipelineStage]: '2',
      [DV.settings.wonValueField]: 'estimatedvalue',
      [DV.settings.writeBackItems]: 'inmail,message,call',
      [DV.settings.dataValidationEnabled]: false,
    });
    expect(root.querySelector('#navsync-message')?.textContent).toBe(t(TEXT.saved));
    // A second save updates the same row.
    box('photoRefreshEnabled').checked = true;
    await page.save();
    expect(double.settingsRows.size).toBe(1);
    expect(row()[DV.settings.photoRefreshEnabled]).toBe(true);
  });

  test('write-back on with no item is refused with a field-level error and nothing is stored', async () => {
    const page = await open();
    for (const k of ['inmail', 'message', 'note', 'call']) box(`item-${k}`).checked = false;
    expect(await page.save()).toBe(false);
    const error = root.querySelector('[data-error-for="writeBackItems"]')?.textContent ?? '';
    expect(error).not.toBe('');
    expect(error).not.toMatch(/^settings\./); // a real sentence, not a raw key
    expect(double.settingsRows.size).toBe(0);
  });

  test('turning data validation on creates column, views and reports, shows each step, then stores the switch', async () => {
    connected();
    const page = await open();
    box('dataValidationEnabled').checked = true;
    expect(await page.save()).toBe(true);
    const steps = [...root.querySelectorAll('#navsync-progress li')].map((li) => [
      li.getAttribute('data-step'),
      li.getAttribute('data-state'),
    ]);
    expect(steps).toEqual([
      ['languages', 'done'],
      ['solution', 'done'],
      ['column', 'done'],
      ['views', 'done'],
      ['reports', 'done'],
      ['publish', 'done'],
    ]);
    expect(root.querySelector('[data-step="views"]')?.textContent).toContain('4 created');
    expect(double.savedqueries.size).toBe(4);
    expect(double.reports.size).toBe(6);
    // NavSync is installed managed: the new components join the unmanaged companion solution, never NavSync.
    const headers = double
      .writes()
      .filter((w) => w.path === 'savedqueries')
      .map((w) => w.headers['mscrm.solutionuniquename']);
    expect(headers).toEqual(Array(4).fill('NavSyncDataValidation'));
    expect(row()[DV.settings.dataValidationEnabled]).toBe(true);
    expect(root.querySelector('#navsync-message')?.textContent).toBe(t('dataverse.enableDone'));
  });

  test('a failed step is named, the switch stays off, and saving again resumes', async () => {
    double.failures.push({
      method: 'POST',
      pathStartsWith: 'savedqueries',
      status: 403,
      code: '0x80040220',
      message: 'missing prvCreateQuery',
      times: 1,
    });
    connected();
    const page = await open();
    box('dataValidationEnabled').checked = true;
    expect(await page.save()).toBe(false);
    expect(root.querySelector('#navsync-message')?.textContent).toContain(t('dataverse.stepViews'));
    expect(root.querySelector('[data-step="views"]')?.getAttribute('data-state')).toBe('failed');
    expect(box('dataValidationEnabled').checked).toBe(false);
    expect(row()[DV.settings.dataValidationEnabled]).toBe(false);
    box('dataValidationEnabled').checked = true;
    expect(await page.save()).toBe(true);
    expect(root.querySelector('[data-step="column"]')?.textContent).toContain('1 already existed');
    expect(double.savedqueries.size).toBe(4);
  });

  test('turning it off asks first; "no" keeps the views and reports, "yes" removes them', async () => {
    connected();
    const page = await open();
    box('dataValidationEnabled').checked = true;
    await page.save();
    box('dataValidationEnabled').checked = false;
    answers = [false];
    await page.save();
    expect(asked).toEqual([t('dataverse.removeAsk')]);
    expect(double.savedqueries.size).toBe(4);
    box('dataValidationEnabled').checked = true;
    await page.save();
    box('dataValidationEnabled').checked = false;
    answers = [true];
    await page.save();
    expect(double.savedqueries.size).toBe(0);
    expect(double.reports.size).toBe(0);
    expect(root.querySelector('#navsync-message')?.textContent).toBe(t('dataverse.removeDone', 'en', { count: 10 }));
  });

  test('Disconnect asks, then stops the sync (connected = false)', async () => {
    connected();
    const page = await open();
    expect(root.querySelector('#navsync-status')?.textContent).toContain(formatWhen('2026-11-21T06:00:00Z', 'en'));
    expect(formatWhen('2026-11-21T06:00:00Z', 'en')).toMatch(/Nov 21, 2026/);
    answers = [true];
    expect(await page.disconnect()).toBe(true);
    expect(row()[DV.settings.connected]).toBe(false);
    expect(root.querySelector('#navsync-status')?.textContent).toBe(t(TEXT.notConnected));
    expect(root.querySelector('#navsync-message')?.textContent).toBe(t(TEXT.disconnected));
  });

  test('data validation cannot be turned on before the sync is connected', async () => {
    const page = await open();
    box('dataValidationEnabled').checked = true;
    expect(await page.save()).toBe(false);
    expect(root.querySelector('[data-error-for="dataValidationEnabled"]')?.textContent).toBe(
      t('settings.errNeedsConnection'),
    );
    expect(double.attributes.size).toBe(0);
    expect(double.savedqueries.size).toBe(0);
  });

  test('Test Write-Back writes one activity of each enabled kind on a test contact, links each record, and removes them on request', async () => {
    connected();
    const page = await open();
    const result = await page.testWriteBack();
    expect(result?.ok).toBe(true);
    const writes = () => double.writes().map((w) => `${w.method} ${w.path.replace(/\(.*\)/, '(…)')}`);
    expect(writes()).toEqual([
      'POST contacts',
      'PATCH navsync_inmails(…)',
      'PATCH navsync_linkedinmessages(…)',
      'PATCH annotations(…)',
      'PATCH phonecalls(…)',
    ]);
    const contact = double.writes()[0].body as Record<string, unknown>;
    expect(contact['ownerid@odata.bind']).toBe(`/systemusers(${ADMIN})`);
    expect(contact.emailaddress1).toBeUndefined();
    const inmail = double.writes()[1].body as Record<string, unknown>;
    expect(inmail[DV.activity.activityKey]).toMatch(/navsync-test/);
    // Annotation takes no custom columns: the test note sends none.
    const note = double.writes()[3].body as Record<string, unknown>;
    expect(Object.keys(note).filter((k) => k.startsWith('navsync_'))).toEqual([]);
    // Every step links to the record it made, on the org's URL; the note opens on its contact.
    const contactId = [...double.table('contacts').keys()][0];
    const links = [...root.querySelectorAll('#navsync-twb li a')].map((a) => a.getAttribute('href'));
    const url = (etn: string, id: string) => `${ORG}/main.aspx?etn=${etn}&id=${id}&pagetype=entityrecord`;
    expect(links).toEqual([
      url('contact', contactId),
      url('navsync_inmail', [...double.table('navsync_inmails').keys()][0]),
      url('navsync_linkedinmessage', [...double.table('navsync_linkedinmessages').keys()][0]),
      url('contact', contactId),
      url('phonecall', [...double.table('phonecalls').keys()][0]),
    ]);
    expect(
      [...root.querySelectorAll('#navsync-twb li a')].every((a) => a.textContent === t('dataverse.viewInDynamics')),
    ).toBe(true);
    expect(root.querySelector('#navsync-twb-summary')?.textContent).toContain(
      t('testWriteBack.kept', 'en', { count: 4, contact: String(contact.firstname) + ' ' + String(contact.lastname) }),
    );
    expect([...root.querySelectorAll('#navsync-twb li')].every((li) => li.getAttribute('data-ok') === 'true')).toBe(
      true,
    );

    expect(await page.removeTestRecords()).toBe(true);
    expect(writes().slice(5)).toEqual([
      'DELETE phonecalls(…)',
      'DELETE annotations(…)',
      'DELETE navsync_linkedinmessages(…)',
      'DELETE navsync_inmails(…)',
      'DELETE contacts(…)',
    ]);
    for (const set of ['contacts', 'navsync_inmails', 'phonecalls', 'annotations'])
      expect(double.table(set).size).toBe(0);
    expect(root.querySelector('#navsync-twb-summary')?.textContent).toBe(
      t('testWriteBack.succeeded', 'en', { count: 4 }),
    );
    expect(root.querySelector('#navsync-twb a')).toBeNull();
  });

  test('Test Write-Back: a record Remove cannot delete is named to delete by hand, and the kept records survive a redraw', async () => {
    connected();
    const page = await open();
    await page.testWriteBack();
    const contactId = [...double.table('contacts').keys()][0];
    answers = [true];
    await page.disconnect(); // redraws the page
    expect(root.querySelectorAll('#navsync-twb li a')).toHaveLength(5);
    double.failures.push({
      method: 'DELETE',
      pathStartsWith: 'contacts',
      status: 403,
      code: '0x80040220',
      message: 'missing prvDeleteContact',
      times: 1,
    });
    expect(await page.removeTestRecords()).toBe(false);
    expect(root.querySelector('#navsync-twb-summary')?.textContent).toBe(
      t('testWriteBack.leftBehind', 'en', { records: `contacts(${contactId})` }),
    );
    expect(double.table('phonecalls').size).toBe(0);
    expect(double.table('contacts').size).toBe(1);
    // Remove again, once allowed, finishes the job.
    expect(await page.removeTestRecords()).toBe(true);
    expect(double.table('contacts').size).toBe(0);
  });

  test('Test Write-Back gives the test contact the test e-mail address the admin typed, and refuses one that is not an address', async () => {
    connected();
    double.rule = (set, body) =>
      set === 'contacts' && !body.emailaddress1
        ? { status: 400, code: '0x80040265', message: 'Business Process Error: An e-mail address is required.' }
        : null;
    const page = await open();
    const email = root.querySelector('#navsync-twb-email') as HTMLInputElement;
    email.value = 'not an address';
    expect(await page.testWriteBack()).toBeNull();
    expect(root.querySelector('[data-error-for="navsync-twb-email"]')?.textContent).toBe(
      t('testWriteBack.testEmailInvalid'),
    );
    expect(double.writes()).toEqual([]);
    email.value = 'admin@contoso.com';
    expect((await page.testWriteBack())?.ok).toBe(true);
    expect((double.writes()[0].body as Record<string, unknown>).emailaddress1).toBe('admin@contoso.com');
    expect(root.querySelector('[data-error-for="navsync-twb-email"]')?.textContent).toBe('');
  });

  test('Test Write-Back explains a rule that requires an e-mail address on contacts, and leaves nothing behind', async () => {
    connected();
    double.rule = (set, body) =>
      set === 'contacts' && !body.emailaddress1
        ? {
            status: 400,
            code: '0x80040265',
            message: 'Business Process Error: An e-mail address is required for every contact.',
          }
        : null;
    const page = await open();
    const result = await page.testWriteBack();
    expect(result?.ok).toBe(false);
    expect(root.querySelector('#navsync-twb-summary')?.textContent).toBe(
      t('testWriteBack.failedAt', 'en', { step: t('testWriteBack.stepContact') }),
    );
    expect(root.querySelector('#navsync-twb-cause')?.textContent).toContain(t('testWriteBack.causeEmailRule'));
    expect(root.querySelector('#navsync-twb-remedy')?.textContent).toBe(t('testWriteBack.remedyEmailRule'));
    expect(root.querySelector('#navsync-twb-detail')?.textContent).toContain('An e-mail address is required');
    expect(double.table('contacts').size).toBe(0);
  });

  test('Test Write-Back with write-back off says what to do and writes nothing', async () => {
    double.settingsRows.set(ROW_ID, {
      navsync_settingsid: ROW_ID,
      [DV.settings.connected]: true,
      [DV.settings.writeBackEnabled]: false,
    });
    const page = await open();
    await page.testWriteBack();
    expect(root.querySelector('#navsync-twb-summary')?.textContent).toBe(t('testWriteBack.noItems'));
    expect(double.writes()).toEqual([]);
  });

  test('Disconnect with clean-up clears what NavSync imported but keeps a rep’s Ignore and the activities', async () => {
    connected();
    const p = DV.person;
    const matched = double.seed('contacts', {
      [p.memberUrn]: 'urn:li:member:1',
      [p.profileUrl]: 'https://www.linkedin.com/in/a',
      [p.matchSource]: 613730000,
      [p.notAtCompany]: 613730001,
    });
    const ignored = double.seed('contacts', {
      [p.profileUrl]: 'https://www.linkedin.com/in/b',
      [p.notAtCompany]: 613730002,
    });
    const untouched = double.seed('contacts', { fullname: 'No NavSync data' });
    const lead = double.seed('leads', { [p.photoUrl]: 'https://media.licdn.com/x.jpg' });
    const account = double.seed('accounts', { [DV.account.companyUrn]: 'urn:li:organization:9' });
    double.seed('navsync_inmails', { subject: 'written back earlier' });
    double.attributes.set('contact.navsync_notatcompany', {
      table: 'contact',
      LogicalName: 'navsync_notatcompany',
      MetadataId: 'x',
    });
    const page = await open();
    box('cleanUp').checked = true;
    answers = [true];
    expect(await page.disconnect()).toBe(true);
    const c = (id: string) => double.table('contacts').get(id) as Record<string, unknown>;
    expect(c(matched)).toMatchObject({
      [p.memberUrn]: null,
      [p.profileUrl]: null,
      [p.matchSource]: null,
      [p.notAtCompany]: 613730000,
    });
    expect(c(ignored)).toMatchObject({ [p.profileUrl]: null, [p.notAtCompany]: 613730002 });
    expect(double.writes().some((w) => w.path === `contacts(${untouched})`)).toBe(false);
    expect((double.table('leads').get(lead) as Record<string, unknown>)[p.photoUrl]).toBeNull();
    expect((double.table('accounts').get(account) as Record<string, unknown>)[DV.account.companyUrn]).toBeNull();
    expect(double.table('navsync_inmails').size).toBe(1);
    expect(row()[DV.settings.connected]).toBe(false);
    expect(root.querySelector('#navsync-message')?.textContent).toBe(t(TEXT.disconnected));
  });

  test('Disconnect without clean-up only stops the sync', async () => {
    connected();
    const id = double.seed('contacts', { [DV.person.profileUrl]: 'https://www.linkedin.com/in/a' });
    const page = await open();
    answers = [true];
    await page.disconnect();
    expect((double.table('contacts').get(id) as Record<string, unknown>)[DV.person.profileUrl]).toBe(
      'https://www.linkedin.com/in/a',
    );
    expect(row()[DV.settings.connected]).toBe(false);
  });

  test('seats: assign active users, switch sync per seat, remove; inactive and application users are not offered', async () => {
    const anna = double.seed('systemusers', { fullname: 'Anna de Vries', accessmode: 0, isdisabled: false });
    const bram = double.seed('systemusers', { fullname: 'Bram Peeters', accessmode: 0, isdisabled: false });
    double.seed('systemusers', { fullname: 'Carla (left)', accessmode: 0, isdisabled: true });
    double.seed('systemusers', { fullname: 'NavSync integration', accessmode: 4, isdisabled: false });
    await open();
    const picker = () => root.querySelector('#navsync-seat-picker') as HTMLSelectElement;
    expect([...picker().options].map((o) => o.textContent)).toEqual(['Anna de Vries', 'Bram Peeters']);
    for (const o of [...picker().options]) o.selected = true;
    (root.querySelector('#navsync-seat-assign') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 300));
    const seats = [...double.table('navsync_seats').values()];
    expect(seats.map((r) => r[`_${DV.seat.user}_value`]).sort()).toEqual([anna, bram].sort());
    expect(seats.every((r) => r[DV.seat.enabled] === true)).toBe(true);
    expect(root.querySelector('#navsync-seats-count')?.textContent).toBe(
      t('admin.seatsUsedNoLimit', 'en', { used: 2 }),
    );
    expect(picker().options).toHaveLength(0);

    const annaBox = root.querySelector(`[data-user="${anna}"] input`) as HTMLInputElement;
    annaBox.checked = false;
    annaBox.dispatchEvent(new Event('change'));
    await new Promise((r) => setTimeout(r, 300));
    const annaRow = seats.find((r) => r[`_${DV.seat.user}_value`] === anna) as Record<string, unknown>;
    expect(double.table('navsync_seats').get(String(annaRow.navsync_seatid))?.[DV.seat.enabled]).toBe(false);
    expect(root.querySelector(`[data-user="${anna}"]`)?.textContent).toContain(t('admin.seatNotSyncing'));

    (root.querySelector(`[data-user="${bram}"] button`) as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 300));
    expect(double.table('navsync_seats').size).toBe(1);
    expect([...picker().options].map((o) => o.textContent)).toEqual(['Bram Peeters']);
  });

  test('a save the Web API refuses shows the error’s code, message and remedy, and the switch stays as the admin set it', async () => {
    connected();
    double.failures.push({
      method: 'PATCH',
      pathStartsWith: 'navsync_settingses',
      status: 500,
      code: '0x80040216',
      message: 'An unexpected error occurred.',
      times: 1,
    });
    const page = await open();
    box('photoRefreshEnabled').checked = true;
    expect(await page.save()).toBe(false);
    const e = describeError('API_ERROR');
    const message = root.querySelector('#navsync-message') as HTMLElement;
    expect(message.getAttribute('data-kind')).toBe('error');
    expect(message.textContent).toContain(`${e.code}: ${e.message}`);
    expect(message.textContent).toContain(t('admin.lastRunRemedy', 'en', { remedy: e.remedy }));
    expect(message.textContent).toContain('An unexpected error occurred.');
    expect(row()[DV.settings.photoRefreshEnabled]).toBeUndefined();
    expect(box('photoRefreshEnabled').checked).toBe(true);
    expect((root.querySelector('#navsync-save') as HTMLButtonElement).disabled).toBe(false);
    // Saving again, once the platform answers, stores it.
    expect(await page.save()).toBe(true);
    expect(row()[DV.settings.photoRefreshEnabled]).toBe(true);
    expect(message.getAttribute('data-kind')).toBe('success');
  });

  test('stages and money columns come with the labels of the admin’s language, from the metadata', async () => {
    double.userLanguage = 1031;
    await open('de');
    expect([...sel('pipelineStage').options].map((o) => o.textContent).slice(1)).toEqual([
      'Qualifizieren',
      'Entwickeln',
      'Vorschlagen',
      'Abschließen',
    ]);
    expect([...sel('wonValueField').options].map((o) => o.textContent).slice(1)).toEqual([
      'Geschätzter Umsatz',
      'Tatsächlicher Umsatz',
    ]);
  });

  test('speaks the admin’s language', async () => {
    await open('de');
    expect(root.querySelector('[data-step]')).toBeNull();
    expect(sel('pipelineStage').options[0].textContent).toBe(t('common.notSure', 'de'));
  });

  describe('the last run', () => {
    const at = (iso: string) => formatWhen(iso, 'en');
    const storeRun = (run: object | string) => {
      connected();
      row()[DV.settings.lastRunSummary] = typeof run === 'string' ? run : encodeLastRun(run as any);
    };

    test('connected, never run: the first sync can take up to 24 hours', async () => {
      connected();
      row()[DV.settings.lastSyncedAt] = null;
      await open();
      expect(root.querySelector('#navsync-status')?.textContent).toContain(t('admin.lastSyncedNever'));
      expect(root.querySelector('#navsync-first-sync')?.textContent).toBe(t('admin.firstSync'));
      expect(root.querySelector('#navsync-last-run')).toBeNull();
    });

    test('a failed run shows each step, the error code, message and remedy in the admin’s language; Last synced stays at the last good cycle', async () => {
      storeRun({
        at: '2026-11-23T06:00:00Z',
        ok: false,
        steps: [
          { name: 'connection', status: 'failed', code: ERROR_CODES.CONNECT_FAILED.code },
          ...['settings', 'validation'].map((name) => ({ name, status: 'skipped' })),
        ],
      });
      await open('de');
      const section = root.querySelector('#navsync-last-run') as HTMLElement;
      expect(section.getAttribute('data-result')).toBe('failed');
      expect(section.querySelector('h2')?.textContent).toBe(
        `${t('admin.lastRun', 'de', { when: formatWhen('2026-11-23T06:00:00Z', 'de') })} — ${t('admin.runFailed', 'de')}`,
      );
      const steps = [...section.querySelectorAll('li')].map((li) => [
        li.getAttribute('data-step'),
        li.getAttribute('data-status'),
      ]);
      expect(steps).toEqual([
        ['connection', 'failed'],
        ['settings', 'skipped'],
        ['validation', 'skipped'],
      ]);
      const failure = describeError('CONNECT_FAILED', 'de');
      expect(section.textContent).toContain(`${failure.code}: ${failure.message}`);
      expect(section.textContent).toContain(t('admin.lastRunRemedy', 'de', { remedy: failure.remedy }));
      expect(section.textContent).toContain(t('admin.step_connection', 'de'));
      // The failed run did not move "Last synced": it still names the last cycle that succeeded.
      expect(root.querySelector('#navsync-status')?.textContent).toContain(formatWhen('2026-11-21T06:00:00Z', 'de'));
      expect(root.querySelector('#navsync-first-sync')).toBeNull();
    });

    test('a successful run lists its steps as succeeded and no error', async () => {
      storeRun({ at: '2026-11-21T06:00:00Z', ok: true, steps: RUN_STEPS.map((name) => ({ name, status: 'ok' })) });
      await open();
      const section = root.querySelector('#navsync-last-run') as HTMLElement;
      expect(section.getAttribute('data-result')).toBe('ok');
      expect(section.querySelectorAll('li[data-status="ok"]')).toHaveLength(RUN_STEPS.length);
      expect(section.querySelector('.navsync-run-error')).toBeNull();
      expect(section.textContent).toContain(at('2026-11-21T06:00:00Z'));
    });

    test('an older plain-text summary is not shown as a run (and breaks nothing)', async () => {
      storeRun('NavSync sync — dataverse: OK');
      await open();
      expect(root.querySelector('#navsync-last-run')).toBeNull();
      expect(root.querySelector('#navsync-status')?.textContent).toContain(t('admin.connectedDynamics'));
    });
  });
});
