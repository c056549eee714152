// Dashboard latency with the simulator adding 100 ms to every OpenEMR call: cold (cache bypassed, every
// section read from OpenEMR in parallel) and warm (served from the per-patient cache), side by side, plus the
// ratio of the cold dashboard to the slowest single upstream call (1.0 would be perfect parallelism).
import { startPortico } from '../apps/server/src/testing/harness';

const LATENCY_MS = Number(process.env.BENCH_SIM_LATENCY_MS ?? 100);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 20);
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 100);

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(10);

async function time(fn: () => Promise<Response>): Promise<number> {
  const t = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`dashboard answered ${res.status}`);
  return performance.now() - t;
}

const p = await startPortico({ OPENEMR_SIM_LATENCY_MS: String(LATENCY_MS), PORTICO_DASHBOARD_CACHE_SECONDS: '600' });
try {
  const c = await p.signIn();
  await time(() => c.get('/api/v1/dashboard?refresh=1')); // first request warms the token and the JIT
  const cold: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) cold.push(await time(() => c.get('/api/v1/dashboard?refresh=1')));
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await time(() => c.get('/api/v1/dashboard')));

  // Mean latency of each upstream endpoint as Portico measured it; the slowest is the floor for a parallel dashboard.
  const metrics = await (await fetch(`${p.url}/metrics`)).text();
  const per = new Map<string, { sum: number; count: number }>();
  for (const line of metrics.split('\n')) {
    const m = /^portico_openemr_call_duration_seconds_(sum|count)\{endpoint="([^"]+)",outcome="ok"\} (\S+)/.exec(line);
    if (!m) continue;
    const e = per.get(m[2]!) ?? { sum: 0, count: 0 };
    e[m[1] as 'sum' | 'count'] = Number(m[3]);
    per.set(m[2]!, e);
  }
  const endpoints = [...per.entries()].filter(([, v]) => v.count > 0).map(([k, v]) => ({ endpoint: k, meanMs: (v.sum / v.count) * 1000 }));
  const slowest = endpoints.reduce((a, b) => (b.meanMs > a.meanMs ? b : a));

  // The same upstream calls made alone, one at a time, straight to the simulator: the floor without contention.
  const tokenRes = await fetch(`${p.sim.url}/oauth2/default/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'CJI9lqQfN3K9bTVExqI8wVnuHrurn41g1Wc6thNuSN4', user_role: 'users', username: 'admin', password: 'pass', scope: 'openid api:oemr api:fhir user/Observation.read user/procedure.read user/AllergyIntolerance.read user/allergy.read' }),
  });
  const { access_token: token } = (await tokenRes.json()) as { access_token: string };
  const demo = (await p.sim.patients()).find((x) => x.email === 'patient@demo.portico.test')!;
  const isolated: { endpoint: string; p50: number }[] = [];
  for (const [endpoint, url] of [
    ['GET fhir/Observation (labs)', `fhir/Observation?patient=${demo.uuid}&category=laboratory`],
    ['GET api/procedure', 'api/procedure'],
    ['GET fhir/AllergyIntolerance', `fhir/AllergyIntolerance?patient=${demo.uuid}`],
  ] as const) {
    const xs: number[] = [];
    for (let i = 0; i < 5; i++) xs.push(await time(() => fetch(`${p.sim.url}/apis/default/${url}`, { headers: { authorization: `Bearer ${token}` } })));
    isolated.push({ endpoint, p50: pct(xs, 50) });
  }
  const slowestAlone = isolated.reduce((a, b) => (b.p50 > a.p50 ? b : a));

  const row = (name: string, xs: number[]) => `${name.padEnd(28)}${ms(pct(xs, 50))}${ms(pct(xs, 95))}${String(xs.length).padStart(8)}`;
  console.log(`\nDashboard latency, simulator latency ${LATENCY_MS} ms per OpenEMR call (database: ${p.runtime.deps.database.kind})`);
  console.log(`${''.padEnd(28)}${'p50'.padStart(10)}${'p95'.padStart(10)}${'runs'.padStart(8)}`);
  console.log(row('cold (cache bypassed)', cold));
  console.log(row('warm (per-patient cache)', warm));
  console.log(`\nUpstream endpoints (mean as measured by Portico):`);
  for (const e of endpoints.sort((a, b) => b.meanMs - a.meanMs)) console.log(`  ${e.endpoint.padEnd(40)}${ms(e.meanMs)}`);
  console.log(`\nThe heaviest upstream calls alone, one at a time (p50 of 5):`);
  for (const e of isolated) console.log(`  ${e.endpoint.padEnd(40)}${ms(e.p50)}`);
  console.log(`\nslowest single upstream call, alone:           ${slowestAlone.endpoint} ${slowestAlone.p50.toFixed(1)} ms`);
  console.log(`slowest single upstream call, in the dashboard: ${slowest.endpoint} ${slowest.meanMs.toFixed(1)} ms`);
  console.log(`cold p50 / slowest call alone         = ${(pct(cold, 50) / slowestAlone.p50).toFixed(2)}`);
  console.log(`cold p50 / slowest call in dashboard  = ${(pct(cold, 50) / slowest.meanMs).toFixed(2)}  (${endpoints.length} endpoints; made one after another they would add up)`);
  console.log(`cold p50 / warm p50 = ${(pct(cold, 50) / pct(warm, 50)).toFixed(1)}x\n`);
} finally {
  await p.close();
}
