import type { PlainMiniSearchFigures, ScaleFigures } from './scale.js';

/** One figure of the benchmark, with its target when it has one. */
export interface Row {
  figure: string;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
}

/** What a synthetic catalog of a size must meet (issue 14): an answer's p99, and at 100,000 the RSS. */
export interface ScaleTargets {
  p99Ms: number;
  rssMb?: number;
}

/**
 * The rows of one synthetic catalog: build time, memory, answer latency and the slowest classes;
 * with `plain`, the plainest MiniSearch index of the same catalog beside the memory figures.
 */
export function scaleRows(
  figures: ScaleFigures,
  targets: ScaleTargets,
  plain?: PlainMiniSearchFigures,
): Row[] {
  const size = `${figures.resources.toLocaleString('en')} resources`;
  const slowest = figures.slowest
    .map((entry) => `${entry.label} ${entry.p99.toFixed(1)} ms`)
    .join(', ');
  return [
    { figure: `index build, ${size}`, value: figures.buildMs, unit: 'ms' },
    { figure: `index heap, ${size}`, value: figures.heapMb, unit: 'MB' },
    {
      figure: `process RSS, ${size}`,
      value: figures.rssMb,
      unit: 'MB',
      ...(targets.rssMb === undefined
        ? {}
        : { target: `< ${targets.rssMb} MB`, met: figures.rssMb < targets.rssMb }),
    },
    ...(plain
      ? [
          {
            figure: `plain MiniSearch (titles, descriptions; reference): index heap, ${size}`,
            value: plain.heapMb,
            unit: 'MB',
          },
          {
            figure: `plain MiniSearch (titles, descriptions; reference): process RSS, ${size}`,
            value: plain.rssMb,
            unit: 'MB',
          },
        ]
      : []),
    { figure: `answer p50, ${size}`, value: figures.p50, unit: 'ms' },
    {
      figure: `answer p99, ${size}`,
      value: figures.p99,
      unit: 'ms',
      target: `< ${targets.p99Ms} ms`,
      met: figures.p99 < targets.p99Ms,
    },
    {
      figure: `slowest classes (p99), ${size}: ${slowest}`,
      value: figures.slowest[0]?.p99 ?? 0,
      unit: 'ms',
    },
  ];
}

/** Prints the rows as a table: figure, value, target and PASS or MISS. */
export function printTable(rows: Row[]): void {
  const width = Math.max(...rows.map((row) => row.figure.length));
  console.log(`${'figure'.padEnd(width)}  ${'value'.padStart(10)}  target`);
  for (const row of rows) {
    const digits = row.unit === 'ms' && row.value < 10 ? 3 : 2;
    const value = `${row.value.toFixed(digits)} ${row.unit}`.trim();
    const verdict = row.met === undefined ? '' : row.met ? 'PASS' : 'MISS';
    console.log(
      `${row.figure.padEnd(width)}  ${value.padStart(10)}  ${row.target ?? ''} ${verdict}`.trimEnd(),
    );
  }
}
