/*
 * The yardstick of the ingest benchmark: a bare node:http server that reads a body, decodes
 * it as line protocol and throws it away, answering 200 `{}` as DataKit does. Whatever the
 * real server does on top (validation, enrichment, storage, Express) shows as the gap.
 *
 * Run as a child process (startBareServer() in processes.ts); it reports its port over IPC.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeLines, isPrecision } from '@rumkit/core/protocol';

export function createBareServer(): http.Server {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let status = 200;
      let answer = '{}';
      try {
        const precision = new URL(req.url ?? '/', 'http://x').searchParams.get('precision');
        decodeLines(Buffer.concat(chunks), isPrecision(precision) ? { precision } : {});
      } catch (err) {
        status = 400;
        answer = JSON.stringify({ error_code: 'body.invalid', message: (err as Error).message });
      }
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(answer),
      });
      res.end(answer);
    });
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

if (process.argv.includes('--bare-child') && process.send) {
  const server = createBareServer();
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ type: 'listening', port: (server.address() as AddressInfo).port });
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}
