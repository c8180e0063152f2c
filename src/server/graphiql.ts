import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** GraphiQL from the @graphql-yoga/graphiql bundle on disk: the machines running wushe may be offline. */
const BUNDLE_DIR = join(dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');

/**
 * The Monaco editor's web workers by the label Monaco asks for; without them the editor neither validates nor
 * underlines errors. Any other label gets the generic editor worker.
 */
const WORKERS = {
  editorWorkerService: 'monacoeditorwork/editor.worker.bundle.js',
  json: 'monacoeditorwork/json.worker.bundle.js',
  graphql: 'monacoeditorwork/graphql.worker..bundle.js',
} as const;

const JAVASCRIPT = 'text/javascript; charset=utf-8';
const FILES: Record<string, string> = {
  'yoga-graphiql.umd.js': JAVASCRIPT,
  'graphiql.css': 'text/css; charset=utf-8',
  ...Object.fromEntries(Object.values(WORKERS).map((file) => [file, JAVASCRIPT])),
};

/** Five societies around one hub: served as /favicon.svg and /favicon.ico (browsers accept an SVG there). */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<circle cx="16" cy="16" r="15" fill="#b71c1c"/>
<path d="M16 7L16 16M24.6 13.2L16 16M21.3 23.3L16 16M10.7 23.3L16 16M7.4 13.2L16 16" stroke="#fff" stroke-width="1.5"/>
<g fill="#fff"><circle cx="16" cy="7" r="3"/><circle cx="24.6" cy="13.2" r="3"/><circle cx="21.3" cy="23.3" r="3"/>
<circle cx="10.7" cy="23.3" r="3"/><circle cx="7.4" cy="13.2" r="3"/></g><circle cx="16" cy="16" r="2.5" fill="#ffd54f"/>
</svg>
`;

const DEFAULT_QUERY = `# 玉溪市五社联动 — try Ctrl+Enter
{
  region(id: "530400000000") {
    name
    population
    organizationCount
    organizationsPer10k
    volunteerCount
    volunteerTeamCount
    volunteerActivityCount
  }
}
`;

export function graphiqlPage(endpoint: string): string {
  const options = JSON.stringify({ endpoint, title: 'wushe 五社联动', query: DEFAULT_QUERY });
  const workers = JSON.stringify(
    Object.fromEntries(Object.entries(WORKERS).map(([label, file]) => [label, `/graphiql/${file}`])),
  );
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>wushe GraphiQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body style="margin:0">
<div id="graphiql" style="height:100vh"></div>
<script>
const workers = ${workers};
self.MonacoEnvironment = {
  globalAPI: false,
  getWorker: (_moduleId, label) =>
    new Worker(workers[label] ?? workers.editorWorkerService, { name: label, type: 'module' }),
};
</script>
<script src="/graphiql/yoga-graphiql.umd.js"></script>
<script>YogaGraphiQL.renderYogaGraphiQL(document.getElementById('graphiql'), ${options});</script>
</body>
</html>
`;
}

/** A file of the bundle by its path under /graphiql/, or undefined for anything not on the list. */
export async function graphiqlAsset(path: string): Promise<{ body: Buffer; type: string } | undefined> {
  // Own keys only: `__proto__`, `constructor` and the like are not files.
  if (!Object.hasOwn(FILES, path)) return undefined;
  const type = FILES[path];
  return { body: await readFile(join(BUNDLE_DIR, path)), type };
}
