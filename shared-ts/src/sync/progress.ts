/** Progress lines for long steps, throttled so a million-row export does not flood the terminal. */
export type ProgressSink = (line: string) => void;

export class Progress {
  private last = 0;
  constructor(
    private readonly sink: ProgressSink | undefined,
    private readonly intervalMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}
  /** Always printed. */
  say(line: string): void {
    if (this.sink) this.sink(line);
  }
  /** Printed at most once per interval. */
  tick(line: string): void {
    const t = this.now();
    if (!this.sink || t - this.last < this.intervalMs) return;
    this.last = t;
    this.sink(line);
  }
}
