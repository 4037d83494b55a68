/** Time as the scheduler sees it, so that tests can move it forward instead of waiting. */
export interface Clock {
  now(): Date;
  /** Calls `callback` at `at` (at once when it is past); returns a function that cancels it. */
  setTimer(at: Date, callback: () => void): () => void;
}

// setTimeout cannot wait longer than about 24.8 days; longer waits are taken in steps.
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

/** The real clock. Timers do not keep the process alive on their own. */
export const systemClock: Clock = {
  now: () => new Date(),
  setTimer(at, callback) {
    let handle: NodeJS.Timeout;
    const arm = () => {
      const wait = at.getTime() - Date.now();
      if (wait <= 0) {
        handle = setTimeout(callback, 0);
      } else {
        handle = setTimeout(arm, Math.min(wait, LONGEST_TIMEOUT_MS));
      }
      handle.unref();
    };
    arm();
    return () => clearTimeout(handle);
  },
};
