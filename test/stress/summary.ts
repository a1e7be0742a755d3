/**
 * The stress suite's one summary table. Test files run in separate workers, so
 * each appends its figures as JSON lines to one file per run (named by the
 * global setup and handed to the workers with provide/inject, so two runs at
 * once do not mix); the global teardown (globalSetup.ts) reads them back and
 * prints a single table after every file has run, failed or not.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    stressSummaryFile: string;
  }
}

/** A fresh summary file for one run of the suite. */
export function newSummaryFile(): string {
  return resolve(process.cwd(), `test-results/stress/summary-${process.pid}-${Date.now()}.jsonl`);
}

/** The headline totals the issue asks for. */
export type Tally = 'loadHeld' | 'loadChecks' | 'faultsSurvived' | 'faultsTried' | 'badInputsTried' | 'violationsFound' | 'lost';

interface RowLine {
  readonly kind: 'row';
  readonly area: string;
  readonly check: string;
  readonly figure: string;
  readonly limit: string;
  readonly ok: boolean;
}

interface TallyLine {
  readonly kind: 'tally';
  readonly key: Tally;
  readonly amount: number;
}

type Line = RowLine | TallyLine;

function append(line: Line): void {
  const file = inject('stressSummaryFile');
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

/** One measured figure beside the limit it is held to. */
export function recordRow(area: string, check: string, figure: string, limit: string, ok: boolean): void {
  append({ kind: 'row', area, check, figure, limit, ok });
}

/** Add to a headline total. */
export function tally(key: Tally, amount = 1): void {
  append({ kind: 'tally', key, amount });
}

/** Remove a run's summary file once printed. */
export function removeSummary(file: string): void {
  rmSync(file, { force: true });
}

function readLines(file: string): Line[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((text) => text.trim() !== '')
    .map((text) => JSON.parse(text) as Line);
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const format = (row: readonly string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [format(rows[0]), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.slice(1).map(format)].join('\n');
}

/** The printed table: every figure, then the five headline totals. */
export function formatSummary(file: string): string {
  const lines = readLines(file);
  const rows = lines.filter((line): line is RowLine => line.kind === 'row');
  const totals = new Map<Tally, number>();
  for (const line of lines) if (line.kind === 'tally') totals.set(line.key, (totals.get(line.key) ?? 0) + line.amount);
  const total = (key: Tally) => totals.get(key) ?? 0;
  const failed = rows.filter((row) => !row.ok).length;
  const detail = table([['area', 'check', 'figure', 'limit', 'ok'], ...rows.map((row) => [row.area, row.check, row.figure, row.limit, row.ok ? 'yes' : 'NO'])]);
  const headline = table([
    ['summary', 'count'],
    ['load held', `${total('loadHeld')} of ${total('loadChecks')} load checks`],
    ['faults survived', `${total('faultsSurvived')} of ${total('faultsTried')}`],
    ['bad inputs tried', total('badInputsTried').toLocaleString('en-US')],
    ['violations found', String(total('violationsFound'))],
    ['anything lost', `${total('lost')} (must be 0)`],
    ['figures outside their limit', String(failed)],
  ]);
  return `\nDescent Lab stress suite (headless Chromium, production build)\n\n${detail}\n\n${headline}\n`;
}
