/** Limits how many tasks run at once in total and against any one host. */
export class HostLimiter {
  private running = 0;
  private readonly perHost = new Map<string, number>();
  private readonly waiting: { host: string; start: () => void }[] = [];

  constructor(
    private readonly total: number,
    private readonly eachHost: number,
  ) {}

  /** Runs `task` once a place is free for its host. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await new Promise<void>((start) => {
      this.waiting.push({ host, start });
      this.startWaiting();
    });
    try {
      return await task();
    } finally {
      this.running--;
      this.perHost.set(host, (this.perHost.get(host) ?? 1) - 1);
      this.startWaiting();
    }
  }

  private startWaiting(): void {
    for (let i = 0; i < this.waiting.length && this.running < this.total;) {
      const next = this.waiting[i]!;
      if ((this.perHost.get(next.host) ?? 0) >= this.eachHost) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      this.running++;
      this.perHost.set(next.host, (this.perHost.get(next.host) ?? 0) + 1);
      next.start();
    }
  }
}
