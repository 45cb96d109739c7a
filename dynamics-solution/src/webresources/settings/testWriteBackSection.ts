import { TEST_WRITEBACK_CAUSES, t, type Locale, type NavSyncSettings } from '@navsync/shared-ts';
import type { WebApi } from '../dataValidation/webApi';
import { button, card, el, showMessage, spinner, textField } from './fluent/controls';
import { removeTestRecords, runTestWriteBack, type TestRecord, type TestWriteBackOutcome } from './testWriteBack';

/**
 * The Test Write-Back card: an optional test e-mail address, Run, then each step with a "View in Dynamics 365"
 * link to the record it made (a model-driven app record URL on the org), the summary, the diagnosis of a failure,
 * and Remove for the records the test kept.
 */
export class TestWriteBackSection {
  readonly root: HTMLElement;
  private readonly api: WebApi;
  private readonly locale: Locale;
  private readonly orgUrl: string;
  private readonly settings: () => NavSyncSettings;
  private readonly ownerId: string;
  private created: TestRecord[] = [];
  private steps: HTMLElement | null = null;

  constructor(
    doc: Document,
    o: { api: WebApi; locale: Locale; orgUrl: string; ownerId: string; settings: () => NavSyncSettings },
  ) {
    this.api = o.api;
    this.locale = o.locale;
    this.orgUrl = o.orgUrl.replace(/\/+$/, '');
    this.ownerId = o.ownerId;
    this.settings = o.settings;
    this.root = card(doc, 'navsync-twb-section', this.t('dataverse.testWriteBackRun'));
    const run = button(doc, { id: 'navsync-testwriteback', text: this.t('dataverse.testWriteBackRun'), icon: 'play' });
    run.addEventListener('click', () => void this.run());
    this.root.append(
      el(doc, 'p', { class: 'ns-help' }, this.t('dataverse.testWriteBackIntro')),
      textField(doc, {
        id: 'navsync-twb-email',
        label: this.t('testWriteBack.testEmail'),
        type: 'email',
        autocomplete: 'email',
        help: this.t('testWriteBack.testEmailHelp'),
      }),
      el(doc, 'div', { class: 'ns-actions' }),
      el(doc, 'div', { id: 'navsync-twb' }),
    );
    (this.root.querySelector('.ns-actions') as HTMLElement).append(run);
  }

  private t(key: string, params?: Record<string, string | number>): string {
    return t(key, this.locale, params);
  }

  private find<T extends HTMLElement>(id: string): T {
    return this.root.querySelector(`#${id}`) as T;
  }

  /** The record's page in the model-driven app (opened beside the settings page). */
  recordUrl(r: TestRecord): string {
    return `${this.orgUrl}/main.aspx?etn=${encodeURIComponent(r.table)}&id=${encodeURIComponent(r.id)}&pagetype=entityrecord`;
  }

  async run(): Promise<TestWriteBackOutcome | null> {
    const doc = this.root.ownerDocument;
    const email = this.find<HTMLInputElement>('navsync-twb-email');
    const emailError = this.find('navsync-twb-email-error');
    email.removeAttribute('aria-invalid');
    emailError.textContent = '';
    if (email.value.trim() && !email.checkValidity()) {
      email.setAttribute('aria-invalid', 'true');
      emailError.textContent = this.t('testWriteBack.testEmailInvalid');
      email.focus();
      return null;
    }
    const runButton = this.find<HTMLButtonElement>('navsync-testwriteback');
    const out = this.find('navsync-twb');
    runButton.disabled = true;
    this.root.setAttribute('aria-busy', 'true');
    const running = el(doc, 'p', { class: 'ns-actions', id: 'navsync-twb-running', role: 'status' });
    running.append(spinner(doc), el(doc, 'span', {}, this.t('dataverse.testWriteBackRunning')));
    out.replaceChildren(running);
    try {
      // Records a previous run kept are removed first: one set of test records at a time.
      if (this.created.length) this.created = await removeTestRecords(this.api, this.created);
      const result = await runTestWriteBack(this.api, {
        settings: this.settings(),
        ownerId: this.ownerId,
        locale: this.locale,
        testEmail: email.value,
      });
      this.created = result.created;
      this.show(result);
      return result;
    } finally {
      runButton.disabled = false;
      this.root.removeAttribute('aria-busy');
    }
  }

  private show(result: TestWriteBackOutcome): void {
    const doc = this.root.ownerDocument;
    const out = this.find('navsync-twb');
    const list = el(doc, 'ul', { class: 'ns-steps' });
    result.steps.forEach((step, i) => {
      const item = el(doc, 'li', { 'data-ok': String(step.ok) });
      const label = el(doc, 'span', { id: `navsync-twb-step-${i}` }, step.label);
      item.append(label);
      if (step.record && this.created.length) {
        const link = el(
          doc,
          'a',
          {
            href: this.recordUrl(step.record),
            target: '_blank',
            rel: 'noopener',
            'aria-describedby': label.id,
            'data-table': step.record.table,
          },
          this.t('dataverse.viewInDynamics'),
        );
        item.append(link);
      }
      list.append(item);
    });
    const summary = el(doc, 'p', { id: 'navsync-twb-summary', role: 'status' }, result.summary);
    out.replaceChildren(list, summary);
    if (result.failure) {
      const f = result.failure;
      const bar = el(doc, 'div', { class: 'ns-mb', id: 'navsync-twb-failure' });
      showMessage(bar, 'error', []).append(
        el(doc, 'p', { id: 'navsync-twb-cause' }, `${f.code}: ${f.message}`),
        el(doc, 'p', { id: 'navsync-twb-remedy' }, f.remedy),
        el(doc, 'p', { id: 'navsync-twb-detail', class: 'ns-help' }, f.detail),
      );
      out.append(bar);
      // The remedy for a rule that wants an e-mail address is the field above: take the admin there.
      if (f.code === TEST_WRITEBACK_CAUSES.emailValidationRule.code) this.find('navsync-twb-email').focus();
    }
    if (this.created.length) {
      const remove = button(doc, { id: 'navsync-twb-remove', text: this.t('testWriteBack.stepCleanup') });
      remove.addEventListener('click', () => void this.remove());
      const actions = el(doc, 'div', { class: 'ns-actions' });
      actions.append(remove);
      out.append(actions);
    }
  }

  /** Removes the records the last run kept; says so, or lists what is left to delete by hand. */
  async remove(): Promise<boolean> {
    const count = this.created.length - 1;
    const left = await removeTestRecords(this.api, this.created);
    this.created = left;
    const doc = this.root.ownerDocument;
    const summary = left.length
      ? this.t('testWriteBack.leftBehind', { records: left.map((r) => r.path).join(', ') })
      : this.t('testWriteBack.succeeded', { count });
    const list = el(doc, 'ul', { class: 'ns-steps' });
    list.append(el(doc, 'li', { 'data-ok': String(left.length === 0) }, this.t('testWriteBack.stepCleanup')));
    this.find('navsync-twb').replaceChildren(
      list,
      el(doc, 'p', { id: 'navsync-twb-summary', role: 'status' }, summary),
    );
    return left.length === 0;
  }
}
