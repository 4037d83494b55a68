/** Milliseconds since `start` (from `process.hrtime.bigint()`). */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Times `run` once per item and returns the durations in milliseconds. */
export function timeEach<T>(items: T[], run: (item: T) => unknown): number[] {
  return items.map((item) => {
    const start = process.hrtime.bigint();
    run(item);
    return elapsedMs(start);
  });
}

/** The `p`th percentile (0-100) of some durations. */
export function percentile(durations: number[], p: number): number {
  const sorted = [...durations].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}
