import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** GraphiQL from the @graphql-yoga/graphiql bundle on disk: the machines running wushe may be offline. */
const BUNDLE_DIR = join(dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');

const FILES: Record<string, string> = {
  'yoga-graphiql.umd.js': 'text/javascript; charset=utf-8',
  'graphiql.css': 'text/css; charset=utf-8',
  'monacoeditorwork/editor.worker.bundle.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/graphql.worker..bundle.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/json.worker.bundle.js': 'text/javascript; charset=utf-8',
};

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
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>wushe GraphiQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.css">
</head>
<body style="margin:0">
<div id="graphiql" style="height:100vh"></div>
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
