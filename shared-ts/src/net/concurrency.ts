/**
 * Requests side by side, within a platform's limits: a limiter (at most N at once, and optionally at most R started
 * per second) shared by every request of one client, and an ordered map that runs independent requests through it
 * and gives their results in the order of the input.
 */

export interface ConcurrencyLimits {
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests started per rolling second (none: no rate bound). */
  perSecond?: number;
}

/** Starts under a rate that may follow each other at once after a delay, to keep the rate. */
const CATCH_UP = 3;

export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly started: number[] = [];
  /** When the next request may start under the rate. */
  private nextStart = 0;

  constructor(
    private readonly limits: ConcurrencyLimits,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    private readonly now: () => number = Date.now,
  ) {}

  get concurrency(): number {
    return Math.max(1, this.limits.concurrency);
  }

  /** Runs `fn` when a slot is free (and the rate allows), releasing the slot when it settles. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      await this.pace();
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  /**
   * Waits for this request's turn under the rate: starts are spread evenly, 1/R s apart in the order asked (a burst
   * of R at once would reach the platform bunched with the next second's and be refused), and never more than R
   * in any rolling second.
   */
  async pace(): Promise<void> {
    const rate = this.limits.perSecond;
    if (!rate) return;
    const now = this.now();
    const gap = 1000 / rate;
    // A start delayed by a busy event loop is made up for, a few at most (the rolling second still holds).
    const at = Math.max(now - CATCH_UP * gap, this.nextStart);
    this.nextStart = at + gap;
    if (at > now) await this.sleep(at - now);
    for (;;) {
      const t = this.now();
      while (this.started.length && this.started[0] <= t - 1000) this.started.shift();
      if (this.started.length < rate) {
        this.started.push(t);
        return;
      }
      await this.sleep(this.started[0] + 1000 - t + 1);
    }
  }
}

/**
 * `fn` over `items` with at most `width` running at once; results come out in the order of `items`, each as soon
 * as it and all before it are done (a slow first item holds the others' results back, bounded by `width`).
 */
export async function* orderedMap<T, R>(
  items: Iterable<T>,
  width: number,
  fn: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const running: Promise<R>[] = [];
  const it = items[Symbol.iterator]();
  const fill = () => {
    while (running.length < Math.max(1, width)) {
      const n = it.next();
      if (n.done) return;
      const p = fn(n.value);
      // Settled later by the consumer; an early rejection must not be reported as unhandled meanwhile.
      p.catch(() => undefined);
      running.push(p);
    }
  };
  fill();
  while (running.length) {
    const first = running.shift() as Promise<R>;
    const r = await first;
    fill();
    yield r;
  }
}

/** Every page of an async page source, collected (one id chunk's answer: a page or a few). */
export async function collectPages<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const p of pages) out.push(p);
  return out;
}
