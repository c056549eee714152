import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Sim } from '../context';
import type { RouteKnob } from '../types';

/** "GET fhir/Observation" style key, relative to the site, as the knob config names routes. */
export function routeKey(req: FastifyRequest): string {
  const url = req.routeOptions.url ?? req.url;
  const rel = url.replace(/^\/apis\/:site\//, '').replace(/^\/oauth2\/:site\//, 'oauth2/');
  return `${req.method} ${rel}`;
}

export function knobFor(sim: Sim, req: FastifyRequest): RouteKnob {
  const routes = sim.knobs.routes ?? {};
  return { ...(routes['*'] ?? {}), ...(routes[routeKey(req)] ?? {}) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function installKnobs(app: FastifyInstance, sim: Sim): void {
  const counters = new Map<string, number>();
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/__sim/')) return;
    const k = knobFor(sim, req);
    const latency = k.latencyMs ?? sim.knobs.defaultLatencyMs ?? 0;
    if (latency > 0) await sleep(latency);
    if (k.hang) {
      // Never answers; the connection is destroyed when the simulator closes.
      await new Promise(() => undefined);
    }
    const rate = k.failRate ?? 0;
    if (rate > 0) {
      const key = routeKey(req);
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      // A counter spreads failures evenly (rate 0.25 fails every 4th call) and rate 1 always fails.
      if (Math.floor(n * rate) > Math.floor((n - 1) * rate)) {
        return reply.code(k.failStatus ?? 500).send({ error: 'An error occurred while processing the request.', message: 'simulated failure' });
      }
    }
  });
  app.addHook('onRequest', async (req, reply) => {
    const site = (req.params as { site?: string } | undefined)?.site;
    if (site !== undefined && site !== 'default') {
      return reply.code(400).type('text/html; charset=utf-8').send('OpenEMR Error: api site error, site does not exist');
    }
  });
}
