import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { problems, sendProblem } from './problem';

export const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * Serves the built SPA from the not-found handler (so no route escapes the policy table): existing files under
 * dist as they are, hashed assets cached for a year, and index.html for client-side routes.
 */
export async function serveWeb(app: FastifyInstance, dist: string): Promise<void> {
  const hasWeb = existsSync(path.join(dist, 'index.html'));
  await app.register(fastifyStatic, { root: dist, serve: false });
  app.setNotFoundHandler((req, reply) => {
    const url = decodeURIComponent((req.url.split('?')[0] ?? '/').replace(/\/+/g, '/'));
    if ((req.method !== 'GET' && req.method !== 'HEAD') || url.startsWith('/api/') || !hasWeb) {
      return sendProblem(reply, problems.notFound('Route'), url);
    }
    const file = path.resolve(dist, '.' + url);
    if (file.startsWith(dist + path.sep) && existsSync(file) && statSync(file).isFile()) {
      const hashed = url.startsWith('/assets/');
      return reply.sendFile(path.relative(dist, file), { maxAge: hashed ? '365d' : 0, immutable: hashed });
    }
    if (path.extname(url)) return sendProblem(reply, problems.notFound('File'), url);
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { maxAge: 0 });
  });
}
