import {
  ACTIVITY_KINDS,
  ACTIVITY_KIND_LABEL,
  RUN_STATUS_LABEL,
  RUN_STEP_LABEL,
  SETTINGS_NOT_SURE,
  describeRunError,
  pipelineStageOptions,
  t,
  validateSettings,
  wonValueFieldOptions,
  type LastRun,
  type Locale,
  type NavSyncSettings,
  type SettingsOrgFacts,
} from '@navsync/shared-ts';
import {
  enableDataValidation,
  removeDataValidationArtifacts,
  ENABLE_STEPS,
  STEP_LABEL,
  EnableStepError,
  type ProgressEvent,
} from '../dataValidation/enable';
import { FetchWebApi, type WebApi } from '../dataValidation/webApi';
import { hostXrm, userLocale } from '../locale';
import { SettingsGateway } from './settingsData';
import { cleanUpImportedData } from './cleanUp';
import { runTestWriteBack, type TestWriteBackOutcome } from './testWriteBack';
import { SeatsSection } from './seatsSection';

/**
 * The NavSync settings page (web resource navsync_/settings/settings.html): the three integration switches, the
 * CRM sync settings, write-back items, status and Disconnect. Saving validates with the core's rules; switching
 * data validation on runs the create-on-enable flow with its steps shown one by one; switching it off asks
 * whether to remove the views and reports.
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
}

type Facts = SettingsOrgFacts & { stageLabels: Record<string, string>; fieldLabels: Record<string, string> };

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
    const node = this.root.ownerDocument.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text; // textContent: names and CRM texts are never parsed as HTML
    return node;
  }

  private find<T extends HTMLElement>(id: string): T {
    return this.root.querySelector(`#${id}`) as T;
  }

  async start(): Promise<void> {
    this.root.ownerDocument.documentElement.lang = this.locale;
    const [loaded, facts] = await Promise.all([this.gateway.load(), this.gateway.orgFacts()]);
    this.id = loaded.id;
    this.settings = loaded.settings;
    this.lastRun = loaded.lastRun;
    this.facts = facts;
    this.render();
    this.seats = new SeatsSection(this.find('navsync-seats-section'), this.api, this.locale);
    await this.seats.start();
  }

  private checkbox(id: string, label: string, checked: boolean): HTMLElement {
    const wrap = this.el('label', { class: 'navsync-row' });
    const box = this.el('input', { type: 'checkbox', id });
    box.checked = checked;
    wrap.append(box, this.el('span', {}, label), this.el('span', { class: 'navsync-error', 'data-error-for': id }));
    return wrap;
  }

  private select(
    id: string,
    label: string,
    options: { value: string; label: string }[],
    value: string | null,
  ): HTMLElement {
    const wrap = this.el('label', { class: 'navsync-row' });
    const sel = this.el('select', { id });
    for (const o of options) {
      const opt = this.el('option', { value: o.value }, o.label);
      if (o.value === (value ?? SETTINGS_NOT_SURE)) opt.selected = true;
      sel.append(opt);
    }
    wrap.append(this.el('span', {}, label), sel, this.el('span', { class: 'navsync-error', 'data-error-for': id }));
    return wrap;
  }

  render(): void {
    const s = this.settings as NavSyncSettings;
    const f = this.facts as Facts;
    this.root.replaceChildren();
    this.root.append(this.el('h1', {}, this.t(TEXT.title)));

    this.root.append(...this.status(s));

    const integration = this.el('fieldset');
    integration.append(
      this.el('legend', {}, this.t(TEXT.integration)),
      this.checkbox('embeddedProfileEnabled', this.t(TEXT.embeddedProfile), s.embeddedProfileEnabled),
      this.checkbox('photoRefreshEnabled', this.t(TEXT.photoRefresh), s.photoRefreshEnabled),
      this.checkbox('dataValidationEnabled', this.t(TEXT.dataValidation), s.dataValidationEnabled),
    );
    const progress = this.el('ol', { id: 'navsync-progress' });
    integration.append(progress);

    const sync = this.el('fieldset');
    const stages = pipelineStageOptions(
      (f.stages ?? []).map((st) => ({ name: st.name, label: f.stageLabels[st.name] })),
      this.t(TEXT.notSure),
    );
    const fields = wonValueFieldOptions(
      (f.opportunityFields ?? []).map((o) => ({ ...o, label: f.fieldLabels[o.name] })),
      this.t(TEXT.notSure),
    );
    sync.append(
      this.el('legend', {}, this.t(TEXT.sync)),
      this.checkbox('autoSyncAllSeats', this.t(TEXT.autoSync), s.autoSyncAllSeats),
      this.select('pipelineStage', this.t(TEXT.stage), stages, s.pipelineStage),
      this.select('wonValueField', this.t(TEXT.wonValue), fields, s.wonValueField),
      this.checkbox('writeBackEnabled', this.t(TEXT.writeBack), s.writeBackEnabled),
    );
    const items = this.el('div', { id: 'writeBackItems' });
    items.append(this.el('span', {}, this.t(TEXT.items)));
    for (const kind of ACTIVITY_KINDS) {
      const on = s.writeBackItems === 'all' || s.writeBackItems.includes(kind);
      items.append(this.checkbox(`item-${kind}`, this.t(ACTIVITY_KIND_LABEL[kind]), on));
    }
    items.append(this.el('span', { class: 'navsync-error', 'data-error-for': 'writeBackItems' }));
    sync.append(items);

    const save = this.el('button', { id: 'navsync-save', type: 'button' }, this.t(TEXT.save));
    save.addEventListener('click', () => void this.save());
    const message = this.el('p', { id: 'navsync-message', role: 'status' });

    const twb = this.el('fieldset');
    const twbButton = this.el('button', { id: 'navsync-testwriteback', type: 'button' }, this.t(TEXT.testWriteBack));
    twbButton.addEventListener('click', () => void this.testWriteBack());
    twb.append(this.el('legend', {}, this.t(TEXT.testWriteBack)), twbButton, this.el('div', { id: 'navsync-twb' }));

    const leave = this.el('fieldset');
    const disconnect = this.el('button', { id: 'navsync-disconnect', type: 'button' }, this.t(TEXT.disconnect));
    disconnect.disabled = !s.connected || this.id === null;
    disconnect.addEventListener('click', () => void this.disconnect());
    leave.append(
      this.el('legend', {}, this.t(TEXT.disconnect)),
      this.checkbox('cleanUp', this.t(TEXT.cleanUp), false),
      this.el('p', { class: 'navsync-help' }, this.t(TEXT.cleanUpHelp)),
      disconnect,
    );
    const seats = this.el('fieldset', { id: 'navsync-seats-section' });
    this.root.append(integration, sync, save, message, seats, twb, leave);
    this.seats?.attach(seats);
  }

  /**
   * Connection and the last run: "Last synced" is the last cycle that succeeded; before any run, the notice that
   * the first sync can take up to 24 hours; after a run, its result per step and, for a failed step, the error's
   * code, message and remedy in the admin's language.
   */
  private status(s: NavSyncSettings): HTMLElement[] {
    const status = this.el('p', { id: 'navsync-status' });
    const when = s.lastSyncedAt
      ? `${this.t(TEXT.lastSynced)}: ${formatWhen(s.lastSyncedAt, this.locale)}`
      : this.t(TEXT.lastSyncedNever);
    status.textContent = s.connected ? `${this.t(TEXT.connected)} — ${when}` : this.t(TEXT.notConnected);
    const out: HTMLElement[] = [status];
    const run = this.lastRun;
    if (s.connected && !run && !s.lastSyncedAt)
      out.push(this.el('p', { id: 'navsync-first-sync' }, this.t(TEXT.firstSync)));
    if (!run) return out;
    const overall = run.ok ? 'ok' : run.steps.some((st) => st.status === 'failed') ? 'failed' : 'partial';
    const section = this.el('section', { id: 'navsync-last-run', 'data-result': overall });
    section.append(
      this.el(
        'h2',
        {},
        `${this.t(TEXT.lastRun, { when: formatWhen(run.at, this.locale) })} — ${this.t(RUN_STATUS_LABEL[overall])}`,
      ),
    );
    const list = this.el('ul');
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

  private say(text: string): void {
    this.find('navsync-message').textContent = text;
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
      for (const e of result.errors) {
        const slot = this.root.querySelector(`[data-error-for="${e.field}"]`);
        if (slot) slot.textContent = this.t(e.key, e.params);
        else this.say(this.t(e.key, e.params));
      }
      return false;
    }
    const next = result.settings;
    if (next.dataValidationEnabled && !before.dataValidationEnabled) {
      this.find('navsync-progress').replaceChildren();
      try {
        await enableDataValidation(this.api, {
          locale: this.locale,
          onProgress: (e) => this.showProgress(e),
        });
      } catch (err) {
        // Keep the switch off: nothing claims validation is on while its column or views are missing.
        const failed = err instanceof EnableStepError ? err : null;
        this.say(
          this.t('dataverse.stepFailed', {
            step: this.t(STEP_LABEL[failed?.step ?? ENABLE_STEPS[0]]),
            detail: failed?.detail ?? String(err),
          }),
        );
        next.dataValidationEnabled = false;
        this.id = await this.gateway.save(this.id, next);
        this.settings = next;
        this.find<HTMLInputElement>('dataValidationEnabled').checked = false;
        return false;
      }
    }
    let removed: number | null = null;
    if (
      !next.dataValidationEnabled &&
      before.dataValidationEnabled &&
      (await this.options.confirm(this.t('dataverse.removeAsk')))
    ) {
      removed = (await removeDataValidationArtifacts(this.api)).length;
    }
    this.id = await this.gateway.save(this.id, next);
    this.settings = next;
    this.say(
      removed !== null
        ? this.t('dataverse.removeDone', { count: removed })
        : next.dataValidationEnabled && !before.dataValidationEnabled
          ? this.t('dataverse.enableDone')
          : this.t(TEXT.saved),
    );
    return true;
  }

  /** Test Write-Back with the current (saved) settings; each step and, on failure, the core's diagnosis. */
  async testWriteBack(): Promise<TestWriteBackOutcome> {
    const out = this.find('navsync-twb');
    out.replaceChildren(this.el('p', {}, this.t(TEXT.testWriteBackRunning)));
    const result = await runTestWriteBack(this.api, {
      settings: this.settings as NavSyncSettings,
      ownerId: this.options.userId ?? '',
      locale: this.locale,
    });
    const list = this.el('ul');
    for (const step of result.steps)
      list.append(this.el('li', { 'data-ok': String(step.ok) }, `${step.ok ? '✓' : '✗'} ${step.label}`));
    out.replaceChildren(list, this.el('p', { id: 'navsync-twb-summary' }, result.summary));
    if (result.failure) {
      const f = result.failure;
      out.append(
        this.el('p', { id: 'navsync-twb-cause' }, `${f.code}: ${f.message}`),
        this.el('p', { id: 'navsync-twb-remedy' }, f.remedy),
        this.el('p', { id: 'navsync-twb-detail', class: 'navsync-help' }, f.detail),
      );
    }
    return result;
  }

  /** Stops the daily sync (connected = false); with clean-up, also removes what NavSync imported. */
  async disconnect(): Promise<boolean> {
    if (!this.id || !(await this.options.confirm(this.t(TEXT.disconnectAsk)))) return false;
    if (this.find<HTMLInputElement>('cleanUp').checked) {
      const flagColumnExists = await this.gateway.hasNotAtCompanyColumn();
      await cleanUpImportedData(this.api, { flagColumnExists });
    }
    await this.gateway.setConnected(this.id, false);
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
  const page = new SettingsPage(root, api, { locale: userLocale(xrm), confirm, userId });
  return page.start();
}
