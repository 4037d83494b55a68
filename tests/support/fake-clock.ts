import type { Clock } from '../../src/weekly/clock.js';

interface Timer {
  at: number;
  order: number;
  callback: () => void;
}

/** A clock that moves only when a test says so, firing due timers in order. */
export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private counter = 0;
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  setTimer(at: Date, callback: () => void): () => void {
    const timer = { at: Math.max(at.getTime(), this.current), order: this.counter++, callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((candidate) => candidate !== timer);
    };
  }

  /** Moves time to `target`, firing every timer due on the way and letting the work they start run. */
  async advanceTo(target: Date | string): Promise<void> {
    const end = new Date(target).getTime();
    for (;;) {
      await settle();
      const due = this.timers
        .filter((timer) => timer.at <= end)
        .sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.current = due.at;
      due.callback();
    }
    this.current = Math.max(this.current, end);
    await settle();
  }

  /** Moves time forward by `ms`. */
  advanceBy(ms: number): Promise<void> {
    return this.advanceTo(new Date(this.current + ms));
  }

  /** Instants of the timers still waiting. */
  pending(): Date[] {
    return this.timers.map((timer) => new Date(timer.at)).sort((a, b) => a.getTime() - b.getTime());
  }
}

/** Lets promise chains started by a timer run until they wait on something else. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
