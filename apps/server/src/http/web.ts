import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { problems, sendProblem } from './problem';
import { newNonce, setHtmlCsp } from './security-headers';

export const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const NONCE_SLOT = '\u0000nonce\u0000';

/**
 * Splits index.html around every place a nonce goes: each <script> and <style> tag, and each <link> that loads a
 * stylesheet or a module. Joining the parts with a fresh nonce gives one response's page (COMM-05).
 */
export function nonceTemplate(html: string): string[] {
  const marked = html
    .replace(/<(script|style)\b(?![^>]*\bnonce=)/gi, (_m, tag: string) => `<${tag} nonce="${NONCE_SLOT}"`)
    .replace(/<link\b(?![^>]*\bnonce=)(?=[^>]*\brel=["']?(?:stylesheet|modulepreload|preload)\b)/gi, `<link nonce="${NONCE_SLOT}"`);
  return marked.split(NONCE_SLOT);
}

/**
 * Serves the built SPA from the not-found handler (so no route escapes the policy table): existing files under
 * dist as they are, hashed assets cached for a year, and index.html for client-side routes. index.html is read
 * once and sent with a per-response CSP nonce, never cached (it names the current hashed assets).
 */
export async function serveWeb(app: FastifyInstance, webDist: string): Promise<void> {
  const dist = path.resolve(webDist);
  const indexFile = path.join(dist, 'index.html');
  const shell = existsSync(indexFile) ? nonceTemplate(readFileSync(indexFile, 'utf8')) : null;
  await app.register(fastifyStatic, { root: dist, serve: false });

  const sendShell = (reply: FastifyReply, parts: string[]) => {
    const nonce = newNonce();
    setHtmlCsp(reply, nonce);
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(parts.join(nonce));
  };

  app.setNotFoundHandler((req, reply) => {
    const url = decodeURIComponent((req.url.split('?')[0] ?? '/').replace(/\/+/g, '/'));
    if ((req.method !== 'GET' && req.method !== 'HEAD') || url.startsWith('/api/') || !shell) {
      return sendProblem(reply, problems.notFound('Route'), url);
    }
    if (url === '/index.html') return sendShell(reply, shell);
    const file = path.resolve(dist, '.' + url);
    if (file.startsWith(dist + path.sep) && existsSync(file) && statSync(file).isFile()) {
      const hashed = url.startsWith('/assets/');
      return reply.sendFile(path.relative(dist, file), { maxAge: hashed ? '365d' : 0, immutable: hashed });
    }
    if (path.extname(url)) return sendProblem(reply, problems.notFound('File'), url);
    return sendShell(reply, shell);
  });
}
