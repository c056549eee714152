import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Every route declares who may call it in `config.policy`; a route without one is refused at start-up,
 * and a test walks the route table. 'patient' means a signed-in patient session (the patient comes from the
 * session only, never from the request).
 */
export type Policy = 'public' | 'patient';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  policy: Policy | undefined;
}

/** Returns the live list of routes with their policies, for the route-table test and the docs. */
export function enforceDeclaredPolicies(app: FastifyInstance): DeclaredRoute[] {
  const declaredRoutes: DeclaredRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const policy = (route.config as { policy?: Policy } | undefined)?.policy;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) declaredRoutes.push({ method: m, url: route.url, policy });
    if (!policy) throw new Error(`route ${methods.join(',')} ${route.url} declares no policy`);
  });
  return declaredRoutes;
}
