import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { CLI } from './subgraph-process';

export interface HubProcess {
  /** Base URL, e.g. http://127.0.0.1:43121 (GraphQL at /graphql). */
  url: string;
  child: ChildProcess;
  /** Resolves when the process has written a stderr line matching `pattern` (since it started). */
  logged(pattern: RegExp): Promise<string>;
  stop(): Promise<void>;
}

/** A port free right now (`wushe serve` takes PORT, which must be positive). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `wushe serve` in its own process with exactly `env` (plus PATH and a free PORT), over a database that already
 * holds the dataset; resolves on its start line.
 */
export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  const waiting = new Set<() => void>();
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of [...waiting]) check();
  });
  const logged = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = output.split('\n').find((l) => pattern.test(l));
        if (line === undefined) return;
        waiting.delete(check);
        resolve(line);
      };
      waiting.add(check);
      child.once('exit', (code) => reject(new Error(`wushe serve exited with ${code}: ${output}`)));
      check();
    });
  await logged(/wushe hub: http:\/\//);
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    logged,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
