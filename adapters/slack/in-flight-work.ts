/**
 * The handlers running now, so that stopping can refuse new work and still wait for these to
 * finish their replies.
 */
export class InFlightWork {
  private readonly running = new Set<Promise<unknown>>();
  private open = true;

  /** Runs `task` and tracks it until it settles; does nothing once closed. */
  async run(task: () => Promise<unknown>): Promise<void> {
    if (!this.open) return;
    const running = task();
    this.running.add(running);
    try {
      await running;
    } finally {
      this.running.delete(running);
    }
  }

  /** Refuses new work from now on. */
  close(): void {
    this.open = false;
  }

  /** Resolves once every task started before now, and any it led to, has settled. */
  async drained(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
