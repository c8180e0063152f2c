import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** A server the bench started: its URL and, when it is a process of ours, its pid (for CPU and memory). */
export interface Target {
  url: string;
  pid?: number;
}

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Responses that were not 2xx, connection errors and timeouts: reported beside the figures, never hidden. */
  failures: number;
  /**
   * CPU time (user + system) the server process spent per request, in ms; undefined for servers not ours. Work on
   * requests still in flight when the run ends is counted, those requests not: an overestimate of at most
   * `connections` requests' work among all of them.
   */
  cpuMsPerRequest?: number;
  /** Set, and nothing timed, when the server answered the document with errors. */
  error?: string;
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time (user + system, ms) a process has spent so far, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, hence the last ')'): state is the 3rd, utime the 14th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Waits (up to 10 s) until a process spends under 5 % of a core: the work it was handed is done. */
async function idle(pid: number): Promise<void> {
  for (let waited = 0, last = cpuMs(pid); waited < 10_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = cpuMs(pid);
    if (now - last < 5) return;
    last = now;
  }
}

/** Peak resident memory (VmHWM) of a process so far, MiB. */
export function peakMemoryMiB(pid: number): number {
  const kib = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? 0);
  return kib / 1024;
}

/** One POST, answered in full: the bench refuses to time a document that answers errors. */
export async function postChecked(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  if (!response.ok || /"errors"\s*:/.test(text))
    throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

/** Seconds of the same load run, and thrown away, before each measurement: JIT, plan and statement caches. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);

/**
 * `connections` clients posting `body` for `seconds` (autocannon), after a warm-up: throughput, latency
 * percentiles, and the server's CPU time per request when its pid is known.
 */
export async function measure(
  target: Target,
  body: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<Measured> {
  const run = (duration: number) =>
    autocannon({
      url: target.url,
      method: 'POST',
      connections: options.connections,
      duration,
      timeout: 30,
      headers: { 'content-type': 'application/json', ...options.headers },
      body,
    });
  if (WARMUP_SECONDS > 0) await run(WARMUP_SECONDS);
  // Requests of the warm-up still running when it stopped must not count against the measured ones.
  if (target.pid) await idle(target.pid);
  const cpuBefore = target.pid ? cpuMs(target.pid) : 0;
  const result = await run(options.seconds);
  const requests = result.requests.total;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    failures: result.non2xx + result.errors + result.timeouts,
    cpuMsPerRequest: target.pid && requests ? (cpuMs(target.pid) - cpuBefore) / requests : undefined,
  };
}

/**
 * Checks one answer, then measures; a document answered with errors is reported as such (`error`), not timed, and
 * the run goes on with the next one.
 */
export async function measureChecked(
  target: Target,
  body: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<Measured & { answer?: string }> {
  let answer: string;
  try {
    answer = await postChecked(target.url, body, options.headers);
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(`  not timed: ${message}\n`);
    const code = message.match(/"code":"(\w+)"/)?.[1];
    return { rps: 0, p50: 0, p99: 0, requests: 0, failures: 0, error: code ?? message.slice(0, 80) };
  }
  return { answer, ...(await measure(target, body, options)) };
}

/** Starts `node args…` and resolves once its output matches `ready`. */
export function startNode(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return waitReady(child, ready);
}

export function waitReady(child: ChildProcess, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    let output = '';
    // Once ready, the server's output (a JSON log line per request) is let through unread, not kept.
    const check = (chunk: Buffer) => {
      output += chunk.toString();
      if (!ready.test(output)) return;
      child.stdout!.off('data', check);
      child.stderr!.off('data', check);
      resolve(child);
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output.slice(-2000)}`)));
  });
}

/** SIGTERM, then waits for the exit, so the next server finds the port and the database free. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
