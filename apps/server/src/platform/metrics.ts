import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Labels carry route templates and endpoint templates only: never ids, never PHI. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registry.removeSingleMetric('nodejs_version_info'); // no version disclosure
  const httpDuration = new Histogram({
    name: 'portico_http_request_duration_seconds',
    help: 'HTTP request latency by route template',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const openemrDuration = new Histogram({
    name: 'portico_openemr_call_duration_seconds',
    help: 'OpenEMR call latency by endpoint template',
    labelNames: ['endpoint', 'outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const openemrErrors = new Counter({
    name: 'portico_openemr_call_errors_total',
    help: 'OpenEMR calls that failed, by endpoint template and status',
    labelNames: ['endpoint', 'status'],
    registers: [registry],
  });
  const cacheRequests = new Counter({
    name: 'portico_cache_requests_total',
    help: 'Cache look-ups by cache and result',
    labelNames: ['cache', 'result'],
    registers: [registry],
  });
  const securityEvents = new Counter({
    name: 'portico_security_events_total',
    help: 'Security events by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  return { registry, httpDuration, openemrDuration, openemrErrors, cacheRequests, securityEvents };
}
export type Metrics = ReturnType<typeof createMetrics>;
