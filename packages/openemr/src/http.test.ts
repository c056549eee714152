import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker';
import { OpenEmrUnavailableError } from './errors';
import { HttpClient } from './http';
import { json, startTestServer, type TestServer } from './test-support/recordings';
import type { CallObservation } from './types';

let server: TestServer;
let calls: CallObservation[];
const sleeps: number[] = [];
const client = (o: { retries?: number; timeoutMs?: number; breaker?: CircuitBreaker } = {}) =>
  new HttpClient({ retries: o.retries ?? 2, timeoutMs: o.timeoutMs ?? 2000, breaker: o.breaker, retryBaseDelayMs: 100, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms), onCall: (c) => calls.push(c) });

beforeEach(async () => {
  server = await startTestServer();
  calls = [];
  sleeps.length = 0;
});
afterEach(() => server.close());

function flaky(failures: number, status = 503) {
  let n = 0;
  return (_req: unknown, res: ServerResponse) => {
    n++;
    res.writeHead(n <= failures ? status : 200, { 'content-type': 'application/json' }).end(n <= failures ? '' : '{"ok":true}');
  };
}

describe('HttpClient', () => {
  it('retries a GET on 503 with growing, jittered backoff, and reports each attempt with the template', async () => {
    server.route('GET', '/x', flaky(2));
    const res = await client().send({ method: 'GET', url: `${server.url}/x`, endpoint: 'GET fhir/Observation' });
    expect(res.status).toBe(200);
    expect(calls.map((c) => [c.endpoint, c.status, c.ok])).toEqual([['GET fhir/Observation', 503, false], ['GET fhir/Observation', 503, false], ['GET fhir/Observation', 200, true]]);
    expect(sleeps).toEqual([75, 150]);
  });

  it.each([[502], [504], [429]])('retries a GET on %s', async (status) => {
    server.route('GET', '/x', flaky(1, status));
    expect((await client().send({ method: 'GET', url: `${server.url}/x`, endpoint: 'GET x' })).status).toBe(200);
  });

  it('gives up after the retries with OpenEmrUnavailableError', async () => {
    server.route('GET', '/x', flaky(10));
    await expect(client().send({ method: 'GET', url: `${server.url}/x`, endpoint: 'GET x' })).rejects.toMatchObject({ name: 'OpenEmrUnavailableError', status: 503 });
    expect(calls).toHaveLength(3);
  });

  it('never retries a POST', async () => {
    server.route('POST', '/x', flaky(1));
    await expect(client().send({ method: 'POST', url: `${server.url}/x`, endpoint: 'POST x', body: '{}' })).rejects.toBeInstanceOf(OpenEmrUnavailableError);
    expect(calls).toHaveLength(1);
  });

  it('does not retry 4xx and hands them to the caller', async () => {
    server.route('GET', '/x', json(404, undefined));
    expect((await client().send({ method: 'GET', url: `${server.url}/x`, endpoint: 'GET x' })).status).toBe(404);
    expect(calls).toHaveLength(1);
  });

  it('times out each attempt', async () => {
    server.route('GET', '/slow', () => new Promise<void>(() => undefined));
    await expect(client({ retries: 1, timeoutMs: 50 }).send({ method: 'GET', url: `${server.url}/slow`, endpoint: 'GET slow' }))
      .rejects.toMatchObject({ name: 'OpenEmrUnavailableError', reason: 'timeout' });
    expect(calls.map((c) => c.status)).toEqual(['timeout', 'timeout']);
  });

  it('reports network errors', async () => {
    await expect(client({ retries: 0 }).send({ method: 'GET', url: 'http://127.0.0.1:1/x', endpoint: 'GET x' })).rejects.toMatchObject({ reason: 'network' });
  });

  it('opens the circuit after N consecutive failed calls, fails fast, then half-opens after the cool-down', async () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1000, now: () => now });
    let healthy = false;
    server.route('GET', '/x', (_req, res) => void res.writeHead(healthy ? 200 : 503).end());
    const http = client({ retries: 0, breaker });
    for (let i = 0; i < 3; i++) await expect(http.send({ method: 'GET', url: `${server.url}/x`, endpoint: 'GET x' })).rejects.toThrow();
    expect(breaker.state).toBe('open');
    const before = calls.length;
    await expect(http.send({ method: 'GET', url: `${server.url}/x`, endpoint: 'GET x' })).rejects.toMatchObject({ reason: 'circuit-open' });
    expect(calls.length).toBe(before); // failed fast, OpenEMR not called
    now = 1000;
    expect(breaker.state).toBe('half-open');
    await expect(http.send({ method: 'GET', url: `${server.url}/x`, endpoint: 'GET x' })).rejects.toMatchObject({ status: 503 });
    expect(breaker.state).toBe('open'); // the trial failed
    now = 2000;
    healthy = true;
    expect((await http.send({ method: 'GET', url: `${server.url}/x`, endpoint: 'GET x' })).status).toBe(200);
    expect(breaker.state).toBe('closed');
  });

  it('lets only one trial call through while half-open', () => {
    let now = 0;
    const b = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 10, now: () => now });
    b.failure(b.tryAcquire()!);
    now = 10;
    const trial = b.tryAcquire();
    expect(trial).toEqual({ trial: true });
    expect(b.tryAcquire()).toBeNull();
    b.success(trial!);
    expect(b.tryAcquire()).toEqual({ trial: false });
  });
});
