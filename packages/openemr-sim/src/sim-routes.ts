import type { FastifyInstance } from 'fastify';
import type { Sim } from './context';
import type { Knobs } from './types';

/** Simulator-only helpers under /__sim; no auth because they exist for tests and local development. */
export function registerSimRoutes(app: FastifyInstance, sim: Sim): void {
  app.get('/__sim/health', async () => ({ status: 'ok', anchorDate: sim.db.anchorDate }));
  app.get('/__sim/patients', async () => sim.db.patients.map((p) => ({ pid: p.pid, uuid: p.uuid, name: `${p.fname} ${p.lname}`, email: p.email })));
  app.get('/__sim/clients', async () => [...sim.clients.values()].map((c) => ({ client_id: c.id, name: c.name, confidential: c.confidential, needsApproval: c.needsApproval })));
  app.get('/__sim/knobs', async () => sim.knobs);
  app.put('/__sim/knobs', async (req, reply) => {
    const k = req.body as Knobs | undefined;
    if (!k || typeof k !== 'object') return reply.code(400).send({ error: 'knobs must be a JSON object' });
    sim.knobs = k;
    return sim.knobs;
  });
  app.delete('/__sim/knobs', async () => {
    sim.knobs = {};
    return sim.knobs;
  });
}
