import { assignSeats, assignableUsers, setSeatsEnabled, t, type Locale, type SeatUser } from '@navsync/shared-ts';
import type { WebApi } from '../dataValidation/webApi';
import { SeatsGateway, type StoredSeat } from './seatsData';

/**
 * Seat management on the settings page: who holds a Sales Navigator seat, CRM sync on/off per seat (used when
 * "sync all seat holders" is off), assign seats to active users, remove seats. Changes are saved at once.
 */
export class SeatsSection {
  private root: HTMLElement;
  private readonly gateway: SeatsGateway;
  private readonly locale: Locale;
  private stored: StoredSeat[] = [];
  private users: SeatUser[] = [];

  constructor(root: HTMLElement, api: WebApi, locale: Locale) {
    this.root = root;
    this.gateway = new SeatsGateway(api);
    this.locale = locale;
  }

  private el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
    const node = this.root.ownerDocument.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
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

  private name(userId: string): string {
    return this.users.find((u) => u.id === userId)?.name ?? userId;
  }

  render(errors: string[] = []): void {
    const tr = (key: string, params?: Record<string, string | number>) => t(key, this.locale, params);
    this.root.replaceChildren(this.el('legend', {}, tr('admin.seatsTitle')));
    this.root.append(this.el('p', { id: 'navsync-seats-count' }, tr('admin.seatsUsedNoLimit', { used: this.stored.length })));
    if (this.stored.length === 0) this.root.append(this.el('p', {}, tr('admin.seatsNone')));
    const list = this.el('ul', { id: 'navsync-seats' });
    for (const s of [...this.stored].sort((a, b) => this.name(a.seat.userId).localeCompare(this.name(b.seat.userId)))) {
      const item = this.el('li', { 'data-user': s.seat.userId });
      const box = this.el('input', { type: 'checkbox', 'aria-label': `${this.name(s.seat.userId)}: ${tr('admin.seatsEnable')}` });
      box.checked = s.seat.enabled;
      box.addEventListener('change', () => void this.setEnabled(s.seat.userId, box.checked));
      const remove = this.el('button', { type: 'button' }, tr('common.remove'));
      remove.addEventListener('click', () => void this.remove(s.seat.userId));
      item.append(box, this.el('span', {}, ` ${this.name(s.seat.userId)} — ${tr(s.seat.enabled ? 'admin.seatSyncing' : 'admin.seatNotSyncing')} `), remove);
      list.append(item);
    }
    const picker = this.el('select', { id: 'navsync-seat-picker', multiple: 'multiple', 'aria-label': tr('admin.seatsAvailableUsers') });
    for (const u of assignableUsers(this.stored.map((s) => s.seat), this.users)) picker.append(this.el('option', { value: u.id }, u.name ?? u.id));
    const assign = this.el('button', { id: 'navsync-seat-assign', type: 'button' }, tr('admin.seatsAssign'));
    assign.addEventListener('click', () => void this.assign(Array.from(picker.selectedOptions).map((o) => o.value)));
    const errorList = this.el('ul', { id: 'navsync-seat-errors', class: 'navsync-error' });
    for (const e of errors) errorList.append(this.el('li', {}, e));
    this.root.append(list, picker, assign, errorList);
  }

  async assign(userIds: string[]): Promise<boolean> {
    const change = assignSeats(this.stored.map((s) => s.seat), userIds, this.users, null);
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
    const next = setSeatsEnabled(this.stored.map((s) => s.seat), [userId], enabled);
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
