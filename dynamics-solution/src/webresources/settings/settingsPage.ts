import {
  ACTIVITY_KINDS,
  ACTIVITY_KIND_LABEL,
  RUN_STATUS_LABEL,
  RUN_STEP_LABEL,
  SETTINGS_NOT_SURE,
  describeError,
  describeRunError,
  pipelineStageOptions,
  t,
  validateSettings,
  wonValueFieldOptions,
  type ErrorKind,
  type LastRun,
  type Locale,
  type NavSyncSettings,
  type SettingsOrgFacts,
} from '@navsync/shared-ts';
import type { DataValidationFlow } from '../dataValidation/flow';
import { ENABLE_STEPS, STEP_LABEL, isEnableStepError, type ProgressEvent } from '../dataValidation/steps';
import { FetchWebApi, isWebApiError, type WebApi } from '../dataValidation/webApi';
import { hostXrm, userLocale } from '../locale';
import { SettingsGateway } from './settingsData';
import { cleanUpImportedData } from './cleanUp';
import type { TestWriteBackOutcome } from './testWriteBack';
import { TestWriteBackSection } from './testWriteBackSection';
import { SeatsSection } from './seatsSection';
import { button, card, checkbox, dropdown, el, showMessage, toggle, type MessageKind } from './fluent/controls';
import { applyFluentTheme } from './fluent/theme';
import { scriptFlow } from './loadFlow';

/**
 * The NavSync settings page (web resource navsync_/settings/settings.html), drawn in Fluent UI's look (see
 * ./fluent/theme.ts): a command bar with Save, the status and last run, the three integration switches, the CRM
 * sync settings with the org's own stages and money columns, the seats as a people list, Test Write-Back and
 * Disconnect. Saving validates with the core's rules; switching data validation on runs the create-on-enable flow
 * with its steps shown one by one; switching it off asks whether to remove the views and reports.
 */

/** Every text the page shows, by slot: one place to see which catalogue keys it uses. */
export const TEXT = {
  title: 'admin.title',
  integration: 'admin.integrationSection',
  embeddedProfile: 'admin.embeddedProfile',
  photoRefresh: 'admin.photoRefresh',
  dataValidation: 'admin.dataValidation',
  sync: 'admin.crmSyncSection',
  autoSync: 'admin.autoSyncAllSeats',
  stage: 'admin.pipelineStage',
  wonValue: 'admin.wonValueField',
  writeBack: 'admin.writeBack',
  items: 'admin.writeBackItems',
  save: 'common.save',
  saved: 'admin.saved',
  connected: 'admin.connectedDynamics',
  notConnected: 'admin.notConnected',
  lastSynced: 'admin.lastSynced',
  lastSyncedNever: 'admin.lastSyncedNever',
  firstSync: 'admin.firstSync',
  lastRun: 'admin.lastRun',
  lastRunRemedy: 'admin.lastRunRemedy',
  dataValidationHelp: 'admin.dataValidationHelp',
  disconnect: 'admin.disconnect',
  disconnectAsk: 'admin.disconnectConfirm',
  cleanUp: 'admin.cleanUp',
  cleanUpHelp: 'admin.cleanUpHelp',
  disconnected: 'admin.disconnected',
  testWriteBack: 'dataverse.testWriteBackRun',
  testWriteBackRunning: 'dataverse.testWriteBackRunning',
  notSure: 'common.notSure',
  saving: 'common.saving',
  on: 'common.on',
  off: 'common.off',
  autoSyncHelp: 'admin.autoSyncHelp',
  stageHelp: 'admin.pipelineStageHelp',
} as const;

/** A timestamp in the admin's language; '—' when the sync never ran. */
export function formatWhen(iso: string | null, locale: Locale): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
}

export interface PageOptions {
  locale?: Locale;
  /** Asks the admin a yes/no question (Xrm.Navigation.openConfirmDialog in Dynamics). */
  confirm: (question: string) => boolean | Promise<boolean>;
  /** The signed-in admin (owner of the Test Write-Back records). */
  userId?: string;
  /** The org's URL (Xrm getClientUrl): links to records open there. */
  orgUrl?: string;
  /** The data validation flow, loaded when the switch changes (in Dataverse: its script, beside the page). */
  dataValidation: () => Promise<DataValidationFlow>;
}

type Facts = SettingsOrgFacts & { stageLabels: Record<string, string>; fieldLabels: Record<string, string> };

/** The errors-catalogue entry for a failed Web API call. */
function errorKindOf(err: unknown): ErrorKind {
  if (isWebApiError(err)) return err.status === 401 || err.status === 403 ? 'INSUFFICIENT_ACCESS' : 'API_ERROR';
  return err instanceof TypeError ? 'CONNECT_FAILED' : 'UNKNOWN';
}

export class SettingsPage {
  private readonly root: HTMLElement;
  private readonly api: WebApi;
  private readonly gateway: SettingsGateway;
  private readonly options: PageOptions;
  private readonly locale: Locale;
  private id: string | null = null;
  private settings: NavSyncSettings | null = null;
  private lastRun: LastRun | null = null;
  private facts: Facts | null = null;
  private seats: SeatsSection | null = null;
  private twb: TestWriteBackSection | null = null;

  constructor(root: HTMLElement, api: WebApi, options: PageOptions) {
    this.root = root;
    this.api = api;
    this.gateway = new SettingsGateway(api);
    this.options = options;
    this.locale = options.locale ?? 'en';
  }

  private t(key: string, params?: Record<string, string | number>): string {
    return t(key, this.locale, params);
  }

  private el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    text?: string,
  ): HTMLElementTagNameMap[K] {
    return el(this.root.ownerDocument, tag, attrs, text);
  }

  private find<T extends HTMLElement>(id: string): T {
    return this.root.querySelector(`#${id}`) as T;
  }

  async start(): Promise<void> {
    const doc = this.root.ownerDocument;
    doc.documentElement.lang = this.locale;
    doc.title = this.t(TEXT.title);
    applyFluentTheme(doc);
    const [loaded, facts] = await Promise.all([this.gateway.load(), this.gateway.orgFacts()]);
    this.id = loaded.id;
    this.settings = loaded.settings;
    this.lastRun = loaded.lastRun;
    this.facts = facts;
    this.render();
    this.seats = new SeatsSection(this.find('navsync-seats-section'), this.api, this.locale);
    await this.seats.start();
  }

  private toggle(id: string, label: string, checked: boolean, help?: string): HTMLElement {
    const doc = this.root.ownerDocument;
    return toggle(doc, { id, label, checked, help, on: this.t(TEXT.on), off: this.t(TEXT.off) });
  }

  render(): void {
    const doc = this.root.ownerDocument;
    const s = this.settings as NavSyncSettings;
    const f = this.facts as Facts;
    this.root.replaceChildren();

    // The command bar, as on a Dynamics form: Save first.
    const bar = this.el('div', { class: 'ns-bar' });
    const save = button(doc, { id: 'navsync-save', text: this.t(TEXT.save), kind: 'primary', icon: 'save' });
    save.addEventListener('click', () => void this.save());
    bar.append(save);

    const header = this.el('header', { class: 'ns-head' });
    header.append(this.el('h1', {}, this.t(TEXT.title)), ...this.status(s));
    const message = this.el('div', { id: 'navsync-message', class: 'ns-mb', role: 'status', 'data-kind': '' });

    const integration = card(doc, 'navsync-integration', this.t(TEXT.integration));
    integration.append(
      this.toggle('embeddedProfileEnabled', this.t(TEXT.embeddedProfile), s.embeddedProfileEnabled),
      this.toggle('photoRefreshEnabled', this.t(TEXT.photoRefresh), s.photoRefreshEnabled),
      this.toggle(
        'dataValidationEnabled',
        this.t(TEXT.dataValidation),
        s.dataValidationEnabled,
        this.t(TEXT.dataValidationHelp),
      ),
      this.el('ol', { id: 'navsync-progress', class: 'ns-steps' }),
    );

    const sync = card(doc, 'navsync-sync', this.t(TEXT.sync));
    const stages = pipelineStageOptions(
      (f.stages ?? []).map((st) => ({ name: st.name, label: f.stageLabels[st.name] })),
      this.t(TEXT.notSure),
    );
    const fields = wonValueFieldOptions(
      (f.opportunityFields ?? []).map((o) => ({ ...o, label: f.fieldLabels[o.name] })),
      this.t(TEXT.notSure),
    );
    const grid = this.el('div', { class: 'ns-grid' });
    grid.append(
      this.toggle('autoSyncAllSeats', this.t(TEXT.autoSync), s.autoSyncAllSeats, this.t(TEXT.autoSyncHelp)),
      this.toggle('writeBackEnabled', this.t(TEXT.writeBack), s.writeBackEnabled),
      dropdown(doc, {
        id: 'pipelineStage',
        label: this.t(TEXT.stage),
        options: stages,
        value: s.pipelineStage ?? SETTINGS_NOT_SURE,
        help: this.t(TEXT.stageHelp),
      }),
      dropdown(doc, {
        id: 'wonValueField',
        label: this.t(TEXT.wonValue),
        options: fields,
        value: s.wonValueField ?? SETTINGS_NOT_SURE,
      }),
    );
    const items = this.el('fieldset', { id: 'writeBackItems', class: 'ns-group' });
    items.append(this.el('legend', {}, this.t(TEXT.items)));
    for (const kind of ACTIVITY_KINDS) {
      const on = s.writeBackItems === 'all' || s.writeBackItems.includes(kind);
      items.append(checkbox(doc, { id: `item-${kind}`, label: this.t(ACTIVITY_KIND_LABEL[kind]), checked: on }));
    }
    items.append(this.el('span', { class: 'navsync-error', 'data-error-for': 'writeBackItems' }));
    sync.append(grid, items);

    const seats = this.el('section', {
      class: 'ns-card',
      id: 'navsync-seats-section',
      'aria-labelledby': 'navsync-seats-section-title',
    });
    seats.append(this.el('h2', { id: 'navsync-seats-section-title' }, this.t('admin.seatsTitle')));

    // One Test Write-Back section for the page's life: records a run kept stay listed when the page redraws.
    this.twb ??= new TestWriteBackSection(doc, {
      api: this.api,
      locale: this.locale,
      orgUrl: this.options.orgUrl ?? '',
      ownerId: this.options.userId ?? '',
      settings: () => this.settings as NavSyncSettings,
    });

    const leave = card(doc, 'navsync-leave', this.t(TEXT.disconnect));
    const disconnect = button(doc, { id: 'navsync-disconnect', text: this.t(TEXT.disconnect), kind: 'danger' });
    disconnect.disabled = !s.connected || this.id === null;
    disconnect.addEventListener('click', () => void this.disconnect());
    const actions = this.el('div', { class: 'ns-actions' });
    actions.append(disconnect);
    leave.append(
      checkbox(doc, { id: 'cleanUp', label: this.t(TEXT.cleanUp), checked: false }),
      this.el('p', { class: 'ns-help' }, this.t(TEXT.cleanUpHelp)),
      actions,
    );
    this.root.append(bar, header, message, integration, sync, seats, this.twb.root, leave);
    this.seats?.attach(seats);
  }

  /**
   * Connection and the last run: "Last synced" is the last cycle that succeeded; before any run, the notice that
   * the first sync can take up to 24 hours; after a run, its result per step and, for a failed step, the error's
   * code, message and remedy in the admin's language.
   */
  private status(s: NavSyncSettings): HTMLElement[] {
    const status = this.el('p', { id: 'navsync-status', class: 'ns-help' });
    const when = s.lastSyncedAt
      ? `${this.t(TEXT.lastSynced)}: ${formatWhen(s.lastSyncedAt, this.locale)}`
      : this.t(TEXT.lastSyncedNever);
    status.textContent = s.connected ? `${this.t(TEXT.connected)} — ${when}` : this.t(TEXT.notConnected);
    const out: HTMLElement[] = [status];
    const run = this.lastRun;
    if (s.connected && !run && !s.lastSyncedAt) {
      const notice = this.el('div', { id: 'navsync-first-sync', class: 'ns-mb', 'data-kind': 'info' });
      showMessage(notice, 'info', [this.t(TEXT.firstSync)]);
      notice.style.margin = '8px 0 0';
      out.push(notice);
    }
    if (!run) return out;
    const overall = run.ok ? 'ok' : run.steps.some((st) => st.status === 'failed') ? 'failed' : 'partial';
    const section = this.el('section', {
      id: 'navsync-last-run',
      class: 'ns-card',
      'data-result': overall,
      'aria-labelledby': 'navsync-last-run-title',
    });
    section.style.margin = '12px 0 0';
    section.append(
      this.el(
        'h2',
        { id: 'navsync-last-run-title' },
        `${this.t(TEXT.lastRun, { when: formatWhen(run.at, this.locale) })} — ${this.t(RUN_STATUS_LABEL[overall])}`,
      ),
    );
    const list = this.el('ul', { class: 'ns-steps' });
    for (const step of run.steps) {
      const item = this.el('li', { 'data-step': step.name, 'data-status': step.status });
      item.textContent = `${this.t(RUN_STEP_LABEL(step.name))}: ${this.t(RUN_STATUS_LABEL[step.status])}`;
      list.append(item);
      if (step.code) {
        const e = describeRunError(step.code, this.locale);
        const detail = this.el('div', { class: 'navsync-run-error' });
        detail.append(
          this.el('p', { class: 'navsync-error' }, `${e.code}: ${e.message}`),
          this.el('p', {}, this.t(TEXT.lastRunRemedy, { remedy: e.remedy })),
        );
        item.append(detail);
      }
    }
    section.append(list);
    out.push(section);
    return out;
  }

  /** The form as a settings draft (the shape validateSettings takes). */
  draft(): Partial<NavSyncSettings> {
    const checked = (id: string) => this.find<HTMLInputElement>(id).checked;
    const kinds = ACTIVITY_KINDS.filter((k) => checked(`item-${k}`));
    return {
      embeddedProfileEnabled: checked('embeddedProfileEnabled'),
      photoRefreshEnabled: checked('photoRefreshEnabled'),
      dataValidationEnabled: checked('dataValidationEnabled'),
      autoSyncAllSeats: checked('autoSyncAllSeats'),
      pipelineStage: this.find<HTMLSelectElement>('pipelineStage').value,
      wonValueField: this.find<HTMLSelectElement>('wonValueField').value,
      writeBackEnabled: checked('writeBackEnabled'),
      writeBackItems: kinds.length === ACTIVITY_KINDS.length ? 'all' : kinds,
    };
  }

  private say(text: string, kind: MessageKind = 'info'): void {
    showMessage(this.find('navsync-message'), kind, [text]);
  }

  /** A failed Web API call in the admin's words: code and message, what to do, the platform's own text. */
  private sayError(err: unknown): void {
    const e = describeError(errorKindOf(err), this.locale);
    showMessage(this.find('navsync-message'), 'error', [
      `${e.code}: ${e.message}`,
      this.t(TEXT.lastRunRemedy, { remedy: e.remedy }),
      err instanceof Error ? err.message : String(err),
    ]);
  }

  private busy(on: boolean): void {
    this.find<HTMLButtonElement>('navsync-save').disabled = on;
    if (on) this.root.setAttribute('aria-busy', 'true');
    else this.root.removeAttribute('aria-busy');
  }

  private showProgress(event: ProgressEvent): void {
    const list = this.find('navsync-progress');
    let item = list.querySelector(`[data-step="${event.step}"]`);
    if (!item) {
      item = this.el('li', { 'data-step': event.step });
      list.append(item);
    }
    item.setAttribute('data-state', event.state);
    // Created/existing counts matter for what the step makes (column, views, reports), not for reading or publishing.
    const counts =
      event.result && event.step !== 'languages' && event.step !== 'publish'
        ? ` (${this.t('dataverse.stepCreated', { count: event.result.created.length })}, ${this.t('dataverse.stepExisting', { count: event.result.existing.length })})`
        : '';
    item.textContent = `${this.t(STEP_LABEL[event.step])}${event.state === 'done' ? counts : event.state === 'failed' ? ' ✗' : ' …'}`;
  }

  /** Validate, store, then create or remove the data validation artifacts when that switch changed. */
  async save(): Promise<boolean> {
    const before = this.settings as NavSyncSettings;
    for (const e of Array.from(this.root.querySelectorAll('[data-error-for]'))) e.textContent = '';
    const result = validateSettings(this.draft(), this.facts ?? {}, before);
    if (!result.ok || !result.settings) {
      // Each error beside its field, and all of them in the message bar (a field may be out of view).
      for (const e of result.errors) {
        const slot = this.root.querySelector(`[data-error-for="${e.field}"]`);
        if (slot) slot.textContent = this.t(e.key, e.params);
      }
      this.say(result.errors.map((e) => this.t(e.key, e.params)).join(' '), 'error');
      return false;
    }
    this.busy(true);
    this.say(this.t(TEXT.saving), 'progress');
    try {
      return await this.store(before, result.settings);
    } catch (err) {
      this.sayError(err);
      return false;
    } finally {
      this.busy(false);
    }
  }

  private async store(before: NavSyncSettings, next: NavSyncSettings): Promise<boolean> {
    if (next.dataValidationEnabled && !before.dataValidationEnabled) {
      this.find('navsync-progress').replaceChildren();
      try {
        const flow = await this.options.dataValidation();
        await flow.enableDataValidation(this.api, {
          locale: this.locale,
          onProgress: (e) => this.showProgress(e),
        });
      } catch (err) {
        // Keep the switch off: nothing claims validation is on while its column or views are missing.
        const failed = isEnableStepError(err) ? err : null;
        next.dataValidationEnabled = false;
        this.id = await this.gateway.save(this.id, next);
        this.settings = next;
        this.find<HTMLInputElement>('dataValidationEnabled').checked = false;
        this.say(
          this.t('dataverse.stepFailed', {
            step: this.t(STEP_LABEL[failed?.step ?? ENABLE_STEPS[0]]),
            detail: failed?.detail ?? (err instanceof Error ? err.message : String(err)),
          }),
          'error',
        );
        return false;
      }
    }
    let removed: number | null = null;
    if (
      !next.dataValidationEnabled &&
      before.dataValidationEnabled &&
      (await this.options.confirm(this.t('dataverse.removeAsk')))
    ) {
      const flow = await this.options.dataValidation();
      removed = (await flow.removeDataValidationArtifacts(this.api)).length;
    }
    this.id = await this.gateway.save(this.id, next);
    this.settings = next;
    this.find<HTMLButtonElement>('navsync-disconnect').disabled = !next.connected;
    this.say(
      removed !== null
        ? this.t('dataverse.removeDone', { count: removed })
        : next.dataValidationEnabled && !before.dataValidationEnabled
          ? this.t('dataverse.enableDone')
          : this.t(TEXT.saved),
      'success',
    );
    return true;
  }

  /** Test Write-Back with the current (saved) settings; each step and, on failure, the core's diagnosis. */
  async testWriteBack(): Promise<TestWriteBackOutcome | null> {
    return (this.twb as TestWriteBackSection).run();
  }

  /** Removes the records the last Test Write-Back kept. */
  async removeTestRecords(): Promise<boolean> {
    return (this.twb as TestWriteBackSection).remove();
  }

  /** Stops the daily sync (connected = false); with clean-up, also removes what NavSync imported. */
  async disconnect(): Promise<boolean> {
    if (!this.id || !(await this.options.confirm(this.t(TEXT.disconnectAsk)))) return false;
    try {
      if (this.find<HTMLInputElement>('cleanUp').checked) {
        const flagColumnExists = await this.gateway.hasNotAtCompanyColumn();
        await cleanUpImportedData(this.api, { flagColumnExists });
      }
      await this.gateway.setConnected(this.id, false);
    } catch (err) {
      this.sayError(err);
      return false;
    }
    (this.settings as NavSyncSettings).connected = false;
    this.render();
    this.say(this.t(TEXT.disconnected));
    return true;
  }
}

/**
 * Entry point of the web resource page: same-origin Web API, the signed-in user's language and the platform's
 * confirm dialog, all from the hosting page's client API (the page runs in an iframe).
 */
export function start(root: HTMLElement): Promise<void> {
  const xrm = hostXrm();
  const context = xrm?.Utility.getGlobalContext();
  const clientUrl = context ? context.getClientUrl() : window.location.origin;
  const api = new FetchWebApi(`${clientUrl}/api/data/v9.2/`, (url, init) => window.fetch(url, init));
  const userId = context?.userSettings.userId.replace(/[{}]/g, '');
  // Without the client API there is no dialog to ask in, so nothing that needs a "yes" happens.
  const confirm = async (text: string) => (xrm ? (await xrm.Navigation.openConfirmDialog({ text })).confirmed : false);
  const page = new SettingsPage(root, api, {
    locale: userLocale(xrm),
    confirm,
    userId,
    orgUrl: clientUrl,
    dataValidation: scriptFlow(root.ownerDocument),
  });
  return page.start();
}
