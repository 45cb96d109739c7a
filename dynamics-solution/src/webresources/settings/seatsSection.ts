import { assignSeats, assignableUsers, setSeatsEnabled, t, type Locale } from '@navsync/shared-ts';
import type { WebApi } from '../dataValidation/webApi';
import { button, el, rowToggle } from './fluent/controls';
import { initials, personaColor } from './fluent/theme';
import { SeatsGateway, type SeatUserWithEmail, type StoredSeat } from './seatsData';

/**
 * Seat management on the settings page, as a people list (Fluent Persona rows: coin, name, e-mail, seat state):
 * who holds a Sales Navigator seat, CRM sync on/off per seat (used when "sync all seat holders" is off), assign
 * seats to active users, remove seats. Changes are saved at once.
 */
export class SeatsSection {
  private root: HTMLElement;
  private readonly gateway: SeatsGateway;
  private readonly locale: Locale;
  private stored: StoredSeat[] = [];
  private users: SeatUserWithEmail[] = [];

  constructor(root: HTMLElement, api: WebApi, locale: Locale) {
    this.root = root;
    this.gateway = new SeatsGateway(api);
    this.locale = locale;
  }

  private el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    text?: string,
  ): HTMLElementTagNameMap[K] {
    return el(this.root.ownerDocument, tag, attrs, text);
  }

  async start(): Promise<void> {
    [this.stored, this.users] = await Promise.all([this.gateway.seats(), this.gateway.users()]);
    this.render();
  }

  /** Render into a new element (the settings page rebuilds its DOM on disconnect). */
  attach(root: HTMLElement): void {
    this.root = root;
    this.render();
  }

  private user(userId: string): SeatUserWithEmail | undefined {
    return this.users.find((u) => u.id === userId);
  }

  private name(userId: string): string {
    return this.user(userId)?.name ?? userId;
  }

  render(errors: string[] = []): void {
    const tr = (key: string, params?: Record<string, string | number>) => t(key, this.locale, params);
    const doc = this.root.ownerDocument;
    const titleId = `${this.root.id}-title`;
    this.root.replaceChildren(this.el('h2', { id: titleId }, tr('admin.seatsTitle')));
    this.root.append(
      this.el(
        'p',
        { id: 'navsync-seats-count', class: 'ns-help' },
        tr('admin.seatsUsedNoLimit', { used: this.stored.length }),
      ),
    );
    if (this.stored.length === 0) this.root.append(this.el('p', { class: 'ns-empty' }, tr('admin.seatsNone')));
    const list = this.el('ul', { id: 'navsync-seats', class: 'ns-people', 'aria-labelledby': titleId });
    const sorted = [...this.stored].sort((a, b) => this.name(a.seat.userId).localeCompare(this.name(b.seat.userId)));
    sorted.forEach((s, i) => {
      const name = this.name(s.seat.userId);
      const email = this.user(s.seat.userId)?.email;
      const item = this.el('li', { class: 'ns-person', 'data-user': s.seat.userId });
      const coin = this.el('span', { class: 'ns-coin', 'aria-hidden': 'true' }, initials(name));
      coin.style.background = personaColor(name);
      const text = this.el('span', { class: 'ns-person-text' });
      const nameId = `navsync-seat-${i}`;
      text.append(this.el('span', { class: 'ns-person-name', id: nameId }, name));
      if (email) text.append(this.el('span', { class: 'ns-person-sub' }, email));
      text.append(
        this.el('span', { class: 'ns-person-sub' }, tr(s.seat.enabled ? 'admin.seatSyncing' : 'admin.seatNotSyncing')),
      );
      const sync = rowToggle(doc, {
        label: `${name}: ${tr('admin.seatsEnable')}`,
        checked: s.seat.enabled,
        on: tr('common.on'),
        off: tr('common.off'),
      });
      const box = sync.querySelector('input') as HTMLInputElement;
      box.addEventListener('change', () => void this.setEnabled(s.seat.userId, box.checked));
      const remove = button(doc, { text: tr('common.remove') });
      remove.setAttribute('aria-describedby', nameId);
      remove.addEventListener('click', () => void this.remove(s.seat.userId));
      item.append(coin, text, sync, remove);
      list.append(item);
    });
    if (sorted.length) this.root.append(list);
    const field = this.el('div', { class: 'ns-field' });
    const picker = this.el('select', { id: 'navsync-seat-picker', multiple: 'multiple' });
    for (const u of assignableUsers(
      this.stored.map((s) => s.seat),
      this.users,
    ))
      picker.append(this.el('option', { value: u.id }, u.name ?? u.id));
    field.append(
      this.el('label', { class: 'ns-label', for: 'navsync-seat-picker' }, tr('admin.seatsAvailableUsers')),
      picker,
    );
    const assign = button(doc, { id: 'navsync-seat-assign', text: tr('admin.seatsAssign') });
    assign.addEventListener('click', () => void this.assign(Array.from(picker.selectedOptions).map((o) => o.value)));
    const errorList = this.el('ul', { id: 'navsync-seat-errors', class: 'navsync-error' });
    for (const e of errors) errorList.append(this.el('li', {}, e));
    this.root.append(field, assign, errorList);
  }

  async assign(userIds: string[]): Promise<boolean> {
    const change = assignSeats(
      this.stored.map((s) => s.seat),
      userIds,
      this.users,
      null,
    );
    if (!change.ok) {
      this.render(change.errors.map((e) => t(e.key, this.locale, e.params)));
      return false;
    }
    for (const userId of change.added) {
      const seat = change.seats.find((s) => s.userId === userId);
      if (seat) this.stored.push({ rowId: await this.gateway.add(seat, this.name(userId)), seat });
    }
    this.render();
    return true;
  }

  async setEnabled(userId: string, enabled: boolean): Promise<void> {
    const next = setSeatsEnabled(
      this.stored.map((s) => s.seat),
      [userId],
      enabled,
    );
    const stored = this.stored.find((s) => s.seat.userId === userId);
    const seat = next.find((s) => s.userId === userId);
    if (!stored || !seat) return;
    await this.gateway.update(stored.rowId, seat);
    stored.seat = seat;
    this.render();
  }

  async remove(userId: string): Promise<void> {
    const stored = this.stored.find((s) => s.seat.userId === userId);
    if (!stored) return;
    await this.gateway.remove(stored.rowId);
    this.stored = this.stored.filter((s) => s !== stored);
    this.render();
  }
}
