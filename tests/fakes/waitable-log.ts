/** Selects a recorded item. */
export type Predicate<T> = (item: T) => boolean;

interface Waiter<T> {
  readonly predicate: Predicate<T>;
  readonly resolve: (item: T) => void;
  readonly reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/**
 * An append-only record that tests can await: {@link WaitableLog.waitFor} resolves with the first
 * matching item, whether it was recorded before the call or arrives later. Used instead of sleeps.
 */
export class WaitableLog<T> {
  readonly #items: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();
  readonly #describe: (item: T) => string;

  /** @param describe - renders one item for timeout error messages. */
  constructor(describe: (item: T) => string) {
    this.#describe = describe;
  }

  /** Everything recorded since creation or the last {@link WaitableLog.clear}. */
  get items(): readonly T[] {
    return this.#items;
  }

  /** Records an item and wakes every waiter whose predicate it matches. */
  push(item: T): void {
    this.#items.push(item);
    for (const waiter of this.#waiters) {
      try {
        if (waiter.predicate(item)) this.#settle(waiter, () => waiter.resolve(item));
      } catch (error) {
        // A throwing predicate is a test bug; surface it to that test instead of the server.
        this.#settle(waiter, () => waiter.reject(toError(error)));
      }
    }
  }

  /**
   * Resolves with the first item matching `predicate` (already recorded or future); rejects after
   * `timeoutMs` with an error naming `what` and listing the items seen.
   */
  waitFor(predicate: Predicate<T>, timeoutMs: number, what: string): Promise<T> {
    const existing = this.#items.find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = { predicate, resolve, reject };
      waiter.timer = setTimeout(() => {
        this.#settle(waiter, () => reject(this.#timeoutError(what, timeoutMs)));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** Forgets recorded items; pending waiters keep waiting for new ones. */
  clear(): void {
    this.#items.length = 0;
  }

  /** Rejects every pending waiter, e.g. when the fake shuts down. */
  rejectAll(error: Error): void {
    for (const waiter of this.#waiters) this.#settle(waiter, () => waiter.reject(error));
  }

  #settle(waiter: Waiter<T>, finish: () => void): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
    finish();
  }

  #timeoutError(what: string, timeoutMs: number): Error {
    const seen = this.#items.map((item) => `  - ${this.#describe(item)}`).join('\n');
    return new Error(
      `Timed out after ${timeoutMs}ms waiting for ${what}. Seen ${this.#items.length}:` +
        (seen ? `\n${seen}` : ' none'),
    );
  }
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
