import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { projectRoot } from '../config/paths';

/** Where `npm run build:console` writes the console (Vite); served from disk, so it works offline. */
export const CONSOLE_DIR = join(projectRoot(), 'dist', 'console');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The console's pages may load only what the hub serves and call only the hub. Ant Design writes its styles at run
 * time, hence inline styles; no script runs that the hub did not serve.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

export interface ConsoleAsset {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>五社联动工作台</title>
<p>工作台尚未构建:请运行 <code>npm run build:console</code>(<code>npm start</code> 会自动构建)。</p>
<p>The console is not built: run <code>npm run build:console</code>.</p></html>`;

const NOT_FOUND: ConsoleAsset = {
  status: 404,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: '未找到 (not found)',
};

/** The path relative to the console's folder, or undefined when it is malformed or points outside it. */
function insideConsole(path: string): string | undefined {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(path));
  } catch {
    return undefined;
  }
  const outside = relative === '..' || relative.startsWith(`..${sep}`) || relative.startsWith(sep);
  return outside || relative.includes('\0') ? undefined : relative;
}

/**
 * The file for a path under /console/: a built asset (named by its hash, so cached for a year), or the page itself
 * for any route of the single-page app (never cached, so a new build is picked up at once).
 */
export async function consoleAsset(pathname: string): Promise<ConsoleAsset> {
  const relative = insideConsole(pathname.slice('/console/'.length));
  if (relative === undefined) return NOT_FOUND;
  if (extname(relative) && relative !== 'index.html') {
    try {
      const body = await readFile(join(CONSOLE_DIR, relative));
      const type = TYPES[extname(relative)] ?? 'application/octet-stream';
      const immutable = relative.startsWith(`assets${sep}`);
      return {
        status: 200,
        headers: {
          'content-type': type,
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          ...SECURITY_HEADERS,
        },
        body,
      };
    } catch {
      return NOT_FOUND;
    }
  }
  const headers = { 'content-type': TYPES['.html'], 'cache-control': 'no-cache', ...SECURITY_HEADERS };
  try {
    return { status: 200, headers, body: await readFile(join(CONSOLE_DIR, 'index.html')) };
  } catch {
    return { status: 503, headers, body: NOT_BUILT };
  }
}
