// The two apps under test run as child processes: the app by package.json's own `start` script
// (so the bench follows when it changes), bare Bolt by node alone. Each is timed from spawn to its
// first GET /healthz 200, and its memory read from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { sleep } from './support.js';

export const ROOT = join(import.meta.dirname, '..');

export interface Child {
  url: string;
  /** Milliseconds from spawn to the first GET /healthz 200. */
  startMs: number;
  /** Resident memory in kB (VmRSS now, VmHWM the peak), summed over the node processes of the tree. */
  memory(): { rssKb: number; peakKb: number };
  /** What the child printed (stdout and stderr), for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

/** The app as `npm start` runs it: scripts.start through `sh -c` in the project root. */
export function startApp(env: Record<string, string>): Promise<Child> {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return startChild('sh', ['-c', scripts.start!], env);
}

export function startBareBolt(env: Record<string, string>): Promise<Child> {
  return startChild(process.execPath, [join(ROOT, 'bench/bare-bolt.mjs')], env);
}

/** Runs an npm script's command line (package.json) to its end; resolves with its wall time and output. */
export async function runScript(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ ms: number; code: number | null; firstOutputMs: number; output: string }> {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const start = performance.now();
  const child = spawn('sh', ['-c', `${scripts[name]!} "$@"`, name, ...args], { cwd: ROOT, env: childEnv(env) });
  let output = '';
  let firstOutputMs = NaN;
  const collect = (chunk: Buffer) => {
    if (Number.isNaN(firstOutputMs)) firstOutputMs = performance.now() - start;
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const [code] = (await once(child, 'exit')) as [number | null];
  return { ms: performance.now() - start, code, firstOutputMs, output };
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? '/tmp', ...env };
}

async function startChild(command: string, args: string[], env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  const start = performance.now();
  // Its own process group, so that stop() ends the wrapper and the node process under it together.
  const child = spawn(command, args, { cwd: ROOT, env: childEnv({ ...env, PORT: String(port) }), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await healthy(url, child);
  } catch (error) {
    await stop(child);
    throw new Error(`${(error as Error).message}\n${output.slice(-2000)}`);
  }
  const startMs = performance.now() - start;
  return {
    url,
    startMs,
    memory: () => memoryOf(child.pid!),
    output: () => output,
    stop: () => stop(child),
  };
}

async function healthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode} before it was healthy`);
    const status = await fetch(`${url}/healthz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(10);
  }
  throw new Error('not healthy within 120 s');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid!, 'SIGTERM');
  const killer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

/** Sums VmRSS and VmHWM over `pid` and its descendants that are node (not the sh or npm wrappers). */
function memoryOf(pid: number): { rssKb: number; peakKb: number } {
  let rssKb = 0;
  let peakKb = 0;
  for (const each of [pid, ...descendants(pid)]) {
    const status = readStatus(each);
    if (status?.name !== 'node') continue;
    rssKb += status.rssKb;
    peakKb += status.peakKb;
  }
  return { rssKb, peakKb };
}

function readStatus(pid: number): { name: string; rssKb: number; peakKb: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (key: string) => text.match(new RegExp(`^${key}:\\s*(.*)$`, 'm'))?.[1] ?? '';
    return { name: field('Name'), rssKb: parseInt(field('VmRSS'), 10) || 0, peakKb: parseInt(field('VmHWM'), 10) || 0 };
  } catch {
    return undefined;
  }
}

function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces and parentheses: the parent pid comes after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length; ) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}
