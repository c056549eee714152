// Test-only helpers: the real OpenEMR 7.0.2 recordings and a tiny HTTP server that replays or fakes them.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
export const RECORDED_DIR = process.env.OPENEMR_RECORDINGS_DIR ?? path.resolve(repoRoot, 'fixtures/openemr-recorded');
export const RECORDED_BASE = 'http://127.0.0.1:8300';
export const FARRAH = { uuid: 'a35fb11a-2531-4527-8e52-cfeea92ac44f', pid: '5' };
export const BRENT = { uuid: 'a35fb11a-2543-4ed9-8460-d67105af09f4', pid: '41' };

export interface Recording {
  request: { method: string; url: string; body: unknown };
  response: { status: number; headers: Record<string, string>; body_is_json: boolean; body: unknown };
}

export function recording(name: string): Recording {
  const file = path.join(RECORDED_DIR, name.endsWith('.json') ? name : `${name}.json`);
  if (!existsSync(file)) throw new Error(`recording missing: ${file} (the shared recordings must be present)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Recording;
}

/** The recorded response body, as the bytes OpenEMR sent (empty body -> ""), with its base URL replaced. */
export function recordedBody(rec: Recording, baseUrl = RECORDED_BASE): string {
  const { body, headers } = rec.response;
  if (body === null || body === undefined) return headers['Content-Length'] === '4' ? 'null' : '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.split(RECORDED_BASE).join(baseUrl);
}

export type Handler = (req: IncomingMessage & { body: string }, res: ServerResponse, url: URL) => void | Promise<void>;

export interface TestServer {
  url: string;
  hits: string[];
  route(method: string, pathname: string | RegExp, handler: Handler): void;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const routes: { method: string; path: string | RegExp; handler: Handler }[] = [];
  const hits: string[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    hits.push(`${req.method} ${url.pathname}`);
    const r = [...routes].reverse().find((x) => x.method === req.method && (typeof x.path === 'string' ? x.path === url.pathname : x.path.test(url.pathname)));
    if (!r) {
      res.writeHead(404).end();
      return;
    }
    await r.handler(Object.assign(req, { body: Buffer.concat(chunks).toString('utf8') }), res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    hits,
    route(method, p, handler) {
      routes.push({ method, path: p, handler });
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Replays a recording: its status, content type and body. */
export function replay(name: string, baseUrl: () => string, mutate?: (body: unknown) => unknown): Handler {
  const rec = recording(name);
  return (_req, res) => {
    let text = recordedBody(rec, baseUrl());
    if (mutate && text) text = JSON.stringify(mutate(JSON.parse(text)));
    res.writeHead(rec.response.status, { 'content-type': rec.response.headers['Content-Type'] ?? 'application/json' });
    res.end(text);
  };
}

export const json = (status: number, body: unknown): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body === undefined ? '' : JSON.stringify(body));
};
