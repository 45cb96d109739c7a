import {
  ACCOUNT_LOOKUP,
  kindOf,
  type CompanyRecord,
  type PersonRecord,
  type ProfileService,
} from '../services/ProfileService';
import type { ProfileRules, BadgeView, SearchInputs } from './rules';

/**
 * Everything the Embedded Profile does, outside React: load the person, derive badge and banner, match by hand,
 * unmatch, resolve "Not at company" (update account / ignore). The view renders `state` and calls the actions.
 */

export interface Message {
  kind: 'error' | 'success';
  key: string;
  params?: Record<string, string | number>;
}

export interface ProfileViewState {
  phase: 'loading' | 'ready' | 'error' | 'newRecord';
  person: PersonRecord | null;
  badge: BadgeView | null;
  /** LinkedIn says the person left the account, and the rep has not ignored it. */
  notAtCompany: boolean;
  busy: boolean;
  message: Message | null;
  /** i18n key of why the pasted URL was refused. */
  matchError: string | null;
  /** The official Sales Navigator frame, when an API key is configured. */
  iframeUrl: string | null;
  /** A profile URL is stored but is not a LinkedIn profile link: shown as "no profile link", never as a link. */
  linkRefused: boolean;
  /** On an account form: the company card. */
  company: CompanyView | null;
  /** On an opportunity form: the people on it, each with its badge and (only a LinkedIn profile) link. */
  people: PersonView[] | null;
}

export interface CompanyView {
  record: CompanyRecord;
  /** The company's LinkedIn page, from the stored company URN (null: not linked). */
  linkedInUrl: string | null;
}

export interface PersonView {
  person: PersonRecord;
  badge: BadgeView;
}

export interface RecordRef {
  entity: string;
  id: string | null;
}

export class ProfileViewModel {
  state: ProfileViewState = {
    phase: 'loading',
    person: null,
    badge: null,
    notAtCompany: false,
    busy: false,
    message: null,
    matchError: null,
    iframeUrl: null,
    linkRefused: false,
    company: null,
    people: null,
  };

  private readonly listeners = new Set<() => void>();
  private readonly service: ProfileService;
  private readonly rules: ProfileRules;
  private record: RecordRef;
  private inputs: SearchInputs;
  private readonly now: () => Date;

  constructor(
    service: ProfileService,
    rules: ProfileRules,
    record: RecordRef,
    inputs: SearchInputs,
    now: () => Date = () => new Date(),
  ) {
    this.service = service;
    this.rules = rules;
    this.record = record;
    this.inputs = inputs;
    this.now = now;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<ProfileViewState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  /** New inputs from the form (PCF updateView); reload only when the record itself changed. */
  async update(record: RecordRef, inputs: SearchInputs): Promise<void> {
    const changed = record.id !== this.record.id || record.entity !== this.record.entity;
    this.record = record;
    this.inputs = inputs;
    if (changed) await this.load();
    else if (this.state.person) this.derive(this.state.person);
  }

  async load(): Promise<void> {
    const { entity, id } = this.record;
    if (!id) {
      this.set({ phase: 'newRecord', person: null, badge: null, notAtCompany: false });
      return;
    }
    this.set({ phase: 'loading', message: null });
    try {
      const kind = kindOf(entity);
      if (kind === 'company') {
        const record = await this.service.loadCompany(id);
        this.set({ phase: 'ready', company: { record, linkedInUrl: this.rules.companyLink(record.companyUrn) } });
      } else if (kind === 'deal') {
        const deal = await this.service.loadDeal(id);
        const people = deal.people.map((loaded) => {
          const person = {
            ...loaded,
            photoUrl: this.rules.trustedPhoto(loaded.photoUrl),
            profileUrl: this.rules.profileLink(loaded.profileUrl),
          };
          return { person, badge: this.rules.badge(person, this.now()) };
        });
        this.set({ phase: 'ready', people });
      } else {
        this.derive(await this.service.load(entity, id));
      }
    } catch {
      this.set({ phase: 'error', message: { kind: 'error', key: 'profile.loadError' } });
    }
  }

  /** Stored values reach the view only through the core's rules: a trusted photo, a canonical profile link. */
  private derive(loaded: PersonRecord): void {
    const profileUrl = this.rules.profileLink(loaded.profileUrl);
    const person = { ...loaded, photoUrl: this.rules.trustedPhoto(loaded.photoUrl), profileUrl };
    const badge = this.rules.badge(person, this.now());
    this.set({
      phase: 'ready',
      person,
      badge,
      notAtCompany: badge.state === 'notAtCompany',
      iframeUrl: this.rules.iframeUrl(person, this.inputs),
      linkRefused: loaded.profileUrl !== null && profileUrl === null,
    });
  }

  private async change(changes: Record<string, unknown>, successKey: string | null): Promise<boolean> {
    const person = this.state.person;
    if (!person || this.state.busy) return false;
    this.set({ busy: true, message: null });
    try {
      await this.service.update(person.entity, person.id, changes);
      this.derive(await this.service.load(person.entity, person.id));
      this.set({ busy: false, message: successKey ? { kind: 'success', key: successKey } : null });
      return true;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.set({ busy: false, message: { kind: 'error', key: 'profile.saveError', params: { reason } } });
      return false;
    }
  }

  /** Manual match from a pasted Sales Navigator or LinkedIn profile URL. */
  async matchByUrl(text: string): Promise<boolean> {
    const parsed = this.rules.parseProfileUrl(text);
    if (!parsed.ok) {
      this.set({ matchError: parsed.errorKey });
      return false;
    }
    this.set({ matchError: null });
    return this.change(this.rules.patch('matchByHand', { profileUrl: parsed.url }), 'profile.matchSaved');
  }

  async unmatch(): Promise<boolean> {
    return this.change(this.rules.patch('unmatch'), 'profile.unmatched');
  }

  /** The rep keeps the person at this account; the sync never overwrites an Ignore. */
  async ignore(): Promise<boolean> {
    return this.change(this.rules.patch('ignore'), 'profile.ignored');
  }

  async undoIgnore(): Promise<boolean> {
    return this.change(this.rules.patch('undoIgnore'), null);
  }

  /** The rep picks the person's new account; the flag goes back to No feedback until the next validation. */
  async updateAccount(): Promise<boolean> {
    const person = this.state.person;
    const lookup = person ? ACCOUNT_LOOKUP[person.entity] : undefined;
    if (!person || !lookup) return false;
    const account = await this.service.pickAccount();
    if (!account) return false;
    return this.change(
      { [lookup.bind]: `/accounts(${account.id})`, ...this.rules.patch('resetFlag') },
      'dataverse.accountUpdated',
    );
  }
}
