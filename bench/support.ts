// Shared by the bench's modules: statistics, printing, and the people and secret of the bench's workspace.

export const SIGNING_SECRET = 'bench-signing-secret';
/** Concurrent requests in each load round, as in the issue. */
export const CONCURRENCY = 50;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
export const median = (values: number[]) => percentile(values, 50);

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : 'n/a');
export const seconds = (valueMs: number) => (Number.isFinite(valueMs) ? `${(valueMs / 1000).toFixed(2)} s` : 'n/a');
export const mb = (kb: number) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : 'n/a');
export const ratio = (value: number, base: number) => (Number.isFinite(value / base) ? `${(value / base).toFixed(2)}×` : 'n/a');

/** p50 and p99 of latencies, as printed everywhere. */
export const spread = (values: number[]) => `p50 ${ms(median(values))}, p99 ${ms(percentile(values, 99))} (${values.length})`;

/** One figure of the issue: what was measured, then the goal it is held against. */
export function figure(label: string, value: string, goal?: string): void {
  console.log(`  ${label}: ${value}${goal ? `   [goal: ${goal}]` : ''}`);
}

export function heading(text: string): void {
  console.log(`\n== ${text}`);
}

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs a part of the bench; a failure is printed and the bench goes on (it never fails). */
export async function part(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    console.log(`  ${name}: not measured: ${error instanceof Error ? error.message : String(error)}`);
  }
}
