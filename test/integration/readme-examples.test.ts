import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/*
 * The README's examples, run as written, in order, on a fresh copy of the repository (its files as git sees them,
 * node_modules linked, no dist/, no data/), as a newcomer would in one terminal:
 * - ```sh blocks run in bash; each command must exit 0, and a `# → text` comment (at the end of the command or on
 *   the line after it) is what the command must print on stdout.
 * - `npm start` starts the hub in the background (stopping one started before, as Ctrl+C would) and waits for its
 *   start line; it is stopped at the end.
 * - A ```graphql block followed by a ```json block is sent to the running hub; the answer's data must equal it.
 * - A block after `<!-- readme-test: skip, <reason> -->` is not run; one after `<!-- readme-test: input -->` runs
 *   its first line with the other lines as its standard input, and `# → …` on an input line is a reply it must
 *   print. `<!-- readme-test: new terminal -->` runs a block without what earlier blocks exported.
 * Only three things differ from a newcomer's terminal, so that the test can run beside other servers: the hub listens
 * on a free port (PORT, and `localhost:4000` in commands, are replaced by it), `npm install` is `npm run prepare`
 * (node_modules is linked, not installed; prepare is what install runs after installing) and `npm test` is not
 * run (it is the suite this test belongs to).
 */
const ROOT = join(__dirname, '..', '..');
const INSTEAD: Record<string, string | null> = { 'npm install': 'npm run -s prepare', 'npm test': null };
const HUB_START_MS = 180_000; // the first npm start builds, then loads 444 k rows and their search index (≈ 30–40 s alone)

interface Block {
  lang: string;
  line: number;
  body: string[];
  mark?: { kind: 'skip' | 'input' | 'new terminal'; reason: string };
}

function readmeBlocks(): Block[] {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    while (lines[++i] !== '```') body.push(lines[i]);
    const mark = /^<!-- readme-test: (skip|input|new terminal)(?:, (.+))? -->$/.exec(lines[start - 1] ?? '');
    blocks.push({
      lang: open[1],
      line: start + 1,
      body,
      mark: mark ? { kind: mark[1] as NonNullable<Block['mark']>['kind'], reason: mark[2] ?? '' } : undefined,
    });
  }
  return blocks;
}

interface Command {
  text: string;
  expected?: string;
}

/** A block's commands (a line ending in a backslash continues), `# → …` taken as the expected output. */
function commandsOf(body: string[]): Command[] {
  const commands: Command[] = [];
  let pending = '';
  for (const raw of body) {
    const expectation = /^\s*# → (.*)$/.exec(raw);
    if (expectation) {
      commands[commands.length - 1].expected = expectation[1];
      continue;
    }
    if (/^\s*#/.test(raw) || !raw.trim()) continue;
    if (raw.endsWith('\\')) {
      pending += `${raw}\n`;
      continue;
    }
    const full = pending + raw;
    pending = '';
    const inline = / {2,}# → (.*)$/.exec(full);
    commands.push({ text: inline ? full.slice(0, inline.index) : full, expected: inline?.[1] });
  }
  return commands;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

let copy: string;
let session: string;
let newTerminal: string;
let port: number;
let hub: ChildProcess | undefined;
const ran: string[] = [];

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'wushe-readme-'));
  for (const file of execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    try {
      copyFileSync(join(ROOT, file), join(copy, file));
    } catch (error) {
      // A file deleted in the working tree but not yet in git's index is not part of the copy either.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  port = await freePort();
  // A newcomer's environment: none of the settings a developer's shell (or the lead's CI) may carry.
  session = join(copy, '.readme-session.sh');
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'TERM'].filter((name) => process.env[name] !== undefined);
  execFileSync('bash', ['--norc', '-c', `export PORT=${port}; export -p > ${JSON.stringify(session)}`], {
    env: Object.fromEntries(keep.map((name) => [name, process.env[name]!])),
  });
  newTerminal = readFileSync(session, 'utf8');
});

async function stopHub(): Promise<void> {
  if (!hub || hub.exitCode !== null) return;
  const exited = new Promise((resolve) => hub!.once('exit', resolve));
  process.kill(-hub.pid!, 'SIGTERM');
  await exited;
}

afterAll(async () => {
  await stopHub();
  rmSync(copy, { recursive: true, force: true });
});

const local = (text: string) => text.replaceAll('localhost:4000', `localhost:${port}`);

/** Runs commands in bash with the session's exported variables, and keeps what they export. */
function runInSession(commands: Command[], input?: string) {
  const marker = '@@readme-test';
  const script = [
    `source ${JSON.stringify(session)}`,
    ...commands.map((c, i) => `${local(c.text)}\nprintf '\\n${marker} ${i} %s\\n' "$?"`),
    `export -p > ${JSON.stringify(session)}`,
  ].join('\n');
  const run = spawnSync('bash', ['--norc', '-c', script], {
    cwd: copy,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  const parts = run.stdout.split(new RegExp(`\\n${marker} (\\d+) (\\d+)\\n`));
  return commands.map((command, i) => ({
    command: command.text,
    stdout: parts[i * 3].trim(),
    status: Number(parts[i * 3 + 2]),
    stderr: run.stderr,
  }));
}

async function startHub(): Promise<void> {
  await stopHub();
  hub = spawn('bash', ['--norc', '-c', `source ${JSON.stringify(session)}; exec npm start`], {
    cwd: copy,
    env: { PATH: process.env.PATH },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let timer: NodeJS.Timeout | undefined;
  const started = new Promise<void>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`wushe hub: http://`) && output.includes(`:${port}/graphql`)) resolve();
    };
    hub!.stdout!.on('data', seen);
    hub!.stderr!.on('data', seen);
    hub!.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`npm start printed no start line within ${HUB_START_MS / 1000} s:\n${output}`)),
      HUB_START_MS,
    );
  });
  try {
    await Promise.race([started, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** A command split at each `&&` that is outside quotes, so that `echo "a && b"` stays one part. */
function splitAtAnd(text: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && quote !== "'") i++;
    else if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (text.startsWith('&&', i)) {
      parts.push(text.slice(start, i).trim());
      start = i + 2;
      i++;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

async function ask(document: string): Promise<unknown> {
  const response = await fetch(`http://localhost:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document }),
  });
  return response.json();
}

test('every example in the README runs as written', async () => {
  const blocks = readmeBlocks();
  const skipped: string[] = [];
  for (const [index, block] of blocks.entries()) {
    const where = `README.md:${block.line}`;
    if (block.mark?.kind === 'skip') {
      expect([where, block.mark.reason.length > 10]).toEqual([where, true]);
      skipped.push(where);
      continue;
    }
    if (block.lang === 'graphql' && blocks[index + 1]?.lang === 'json') {
      const answer = await ask(block.body.join('\n'));
      expect([where, answer]).toEqual([where, { data: JSON.parse(blocks[index + 1].body.join('\n')) }]);
      ran.push(`${where} graphql`);
      continue;
    }
    if (block.lang !== 'sh') continue;
    if (block.mark?.kind === 'new terminal') writeFileSync(session, newTerminal);
    if (block.mark?.kind === 'input') {
      const [first, ...rest] = block.body;
      const input = rest.map((line) => line.replace(/\s+#.*$/, '')).join('\n');
      const [result] = runInSession(commandsOf([first]), input);
      expect([where, result.command, result.status === 0 ? '' : result.stderr]).toEqual([where, result.command, '']);
      // An input line's `# → …` is a reply it must get, `…` standing for what differs from run to run.
      for (const expected of rest.flatMap((line) => /\s# → (.+)$/.exec(line)?.[1] ?? [])) {
        const pattern = expected.split('…').map(escapeRegExp).join('.+?');
        expect([where, expected, new RegExp(`^${pattern}$`, 'm').test(result.stdout)]).toEqual([where, expected, true]);
      }
      ran.push(`${where} ${result.command}`);
      continue;
    }
    let batch: Command[] = [];
    const flush = () => {
      if (!batch.length) return;
      for (const [i, result] of runInSession(batch).entries()) {
        expect([where, result.command, result.status, result.status === 0 ? '' : result.stderr]).toEqual([
          where,
          result.command,
          0,
          '',
        ]);
        if (batch[i].expected !== undefined)
          expect([where, result.command, result.stdout]).toEqual([where, result.command, batch[i].expected]);
        ran.push(`${where} ${result.command}`);
      }
      batch = [];
    };
    for (const command of commandsOf(block.body)) {
      const parts = splitAtAnd(command.text);
      for (const [i, part] of parts.entries()) {
        const name = part.replace(/\s+#.*$/, '').trim();
        if (name === 'npm start') {
          flush();
          await startHub();
          ran.push(`${where} npm start`);
        } else if (name in INSTEAD) {
          if (INSTEAD[name] !== null) batch.push({ text: INSTEAD[name]! });
        } else {
          batch.push({ text: part, expected: i === parts.length - 1 ? command.expected : undefined });
        }
      }
    }
    flush();
  }
  // Written out, so that a block that stops being found (a changed fence, a stray mark) fails here.
  expect(skipped.length).toBe(12);
  expect(ran.length).toBe(25);
}, 900_000);
