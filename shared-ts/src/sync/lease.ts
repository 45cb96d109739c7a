/**
 * One run per CRM connection at a time. A run holds a lease with an expiry on the CRM's settings record, where
 * every engine instance sees it (a CLI on a laptop, `serve` workers on other machines). It is taken with the CRM's
 * compare-and-set (`CrmGateway.swapRunLease`), renewed as the run goes on and given back at the end; a lease whose
 * expiry has passed belongs to a run that died, and is taken over. A second run waits a bounded time for it, or
 * refuses with RUN_IN_PROGRESS having changed nothing.
 */
import { randomUUID } from 'node:crypto';
import type { CrmGateway } from '../crm/gateway';
import { CatalogueError } from '../domain/errors';

/** Long enough for a million-row export between two renewals (one per step). */
export const LEASE_TTL_MS = 2 * 60 * 60 * 1000;
/** How long a run waits before it reads a lease it just took back once more. */
const SETTLE_MS = 150;
/** How often a waiting run looks again. */
export const LEASE_POLL_MS = 5_000;

export interface LeaseValue {
  owner: string;
  until: number;
}

/** `<owner>|<ISO expiry>`; anything else is no lease (a field cleared by hand, a value from elsewhere). */
export function parseLease(v: string | null): LeaseValue | null {
  const m = v === null ? null : /^([^|]+)\|(.+)$/.exec(v);
  const until = m ? Date.parse(m[2]) : NaN;
  return m && Number.isFinite(until) ? { owner: m[1], until } : null;
}

export function formatLease(l: LeaseValue): string {
  return `${l.owner}|${new Date(l.until).toISOString()}`;
}

export interface LeaseOptions {
  /** This run's id in the lease (default: a new random id). */
  owner?: string;
  ttlMs?: number;
  /** How long to wait for another run's lease before refusing (default 0: refuse at once). */
  waitMs?: number;
  pollMs?: number;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class RunLease {
  readonly owner: string;
  private held: string | null = null;
  /** Renewed once since taken (the CRM confirmed it is this run's), and when last written. */
  private confirmed = false;
  private renewedAt = 0;
  private readonly ttlMs: number;

  constructor(
    private readonly crm: CrmGateway,
    private readonly o: LeaseOptions,
  ) {
    this.owner = o.owner ?? randomUUID();
    this.ttlMs = o.ttlMs ?? LEASE_TTL_MS;
  }

  get isHeld(): boolean {
    return this.held !== null;
  }

  /** Takes the lease (or takes over an expired one); throws RUN_IN_PROGRESS when another run keeps it too long. */
  async take(): Promise<void> {
    const deadline = this.o.now() + (this.o.waitMs ?? 0);
    const sleep = this.o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (;;) {
      const stored = await this.crm.readRunLease();
      const lease = parseLease(stored);
      if (!lease || lease.until <= this.o.now() || lease.owner === this.owner) {
        const next = this.next();
        // Read once more a moment later: of two runs that both found it free (Salesforce has no conditional
        // update), the later write is the one that stands, and only its run goes on.
        if (
          (await this.crm.swapRunLease(stored, next)) &&
          (await sleep(SETTLE_MS), await this.crm.readRunLease()) === next
        ) {
          this.held = next;
          this.confirmed = false;
          this.renewedAt = this.o.now();
          return;
        }
        continue; // another run wrote first: look again
      }
      const left = deadline - this.o.now();
      if (left <= 0) {
        throw new CatalogueError(
          'RUN_IN_PROGRESS',
          `held by run ${lease.owner.slice(0, 8)} until ${new Date(lease.until).toISOString()}`,
        );
      }
      await sleep(Math.min(this.o.pollMs ?? LEASE_POLL_MS, left));
    }
  }

  /**
   * Pushes the expiry out; false when the lease is no longer this run's. The first renewal after taking it always
   * asks the CRM (of two runs that both took it on Salesforce, the one whose write did not stand learns it here,
   * before its first write); later ones only once a quarter of the lease's time has passed: until it expires no
   * other run takes it.
   */
  async renew(): Promise<boolean> {
    if (!this.held) return false;
    if (this.confirmed && this.o.now() - this.renewedAt < this.ttlMs / 4) return true;
    const next = this.next();
    if (!(await this.crm.swapRunLease(this.held, next))) {
      this.held = null;
      return false;
    }
    this.held = next;
    this.confirmed = true;
    this.renewedAt = this.o.now();
    return true;
  }

  /** Gives the lease back (a lease another run took over meanwhile is left alone). */
  async release(): Promise<void> {
    if (!this.held) return;
    const held = this.held;
    this.held = null;
    await this.crm.swapRunLease(held, null);
  }

  private next(): string {
    return formatLease({ owner: this.owner, until: this.o.now() + this.ttlMs });
  }
}
