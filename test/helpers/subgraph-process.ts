import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The compiled CLI, as an operator runs it (`npm test` builds first). */
export const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli.js');

export interface SubgraphProcess {
  /** Its GraphQL URL, as the start line printed it (localhost → 127.0.0.1). */
  url: string;
  /** The start line. */
  startLine: string;
  child: ChildProcess;
}

/**
 * `wushe subgraph <name> --port 0 [...args]` in its own process with exactly `env` (plus PATH); resolves on its
 * start line. Callers stop it with `child.kill()`. `prefix` runs it through another command that then executes it
 * in place (e.g. `ip netns exec <namespace>`), so the child is still the subgraph's own process.
 */
export function startSubgraphProcess(
  name: string,
  env: Record<string, string>,
  args: string[] = [],
  prefix: string[] = [],
): Promise<SubgraphProcess> {
  const command = [...prefix, process.execPath, CLI, 'subgraph', name, '--port', '0', ...args];
  const child = spawn(command[0], command.slice(1), {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => /^wushe subgraph \w+: http:\/\/\S+/.test(l));
      if (line) {
        // Its JSON log (a line per request) flows on unread from here.
        child.stderr!.off('data', read);
        const url = /(http:\/\/\S+)/.exec(line)![1].replace('localhost', '127.0.0.1');
        resolve({ url, startLine: line, child });
      }
    };
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`subgraph ${name} exited with ${code}: ${output}`)));
  });
}
