const SLOW = Symbol('slow');

/** An answer, and whether the interaction had to be deferred while it was worked out. */
export interface TimedAnswer<T> {
  value: T;
  deferred: boolean;
}

/**
 * Waits for `work`; when it takes longer than `deferAfterMs`, calls `defer` first, so that Discord
 * gets a first response within its three seconds however long the answer takes.
 */
export async function answerInTime<T>(
  work: Promise<T>,
  deferAfterMs: number,
  defer: () => Promise<unknown>,
): Promise<TimedAnswer<T>> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<typeof SLOW>((resolve) => {
    timer = setTimeout(resolve, deferAfterMs, SLOW);
  });
  const first = await Promise.race([work, slow]).finally(() => clearTimeout(timer));
  if (first !== SLOW) return { value: first as T, deferred: false };
  await defer();
  return { value: await work, deferred: true };
}
