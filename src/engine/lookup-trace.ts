/** Collects how a lookup reached its answer, step by step, for `ask --explain`. */
export interface LookupTrace {
  step(text: string): void;
}

/** A trace that keeps every step, in order. */
export function recordingTrace(): LookupTrace & { steps: string[] } {
  const steps: string[] = [];
  return { steps, step: (text) => steps.push(text) };
}
