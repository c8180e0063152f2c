import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * The limit: bare node:http answering each scenario with the exact bytes the hub returned for it, chosen by
 * the x-scenario header. Nothing is parsed, planned or queried.
 */
const responses = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Record<string, string>;
const port = Number(process.argv[3]);
createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const body = responses[String(request.headers['x-scenario'])] ?? '{}';
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
}).listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
