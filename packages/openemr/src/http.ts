import type { CallObservation } from './types';
import { CircuitBreaker } from './circuit-breaker';
import { OpenEmrUnavailableError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  /** Route template for observations and errors, e.g. "GET fhir/Observation". Never contains ids. */
  endpoint: string;
  headers?: Record<string, string>;
  body?: string | URLSearchParams | FormData;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

export interface HttpClientOptions {
  timeoutMs?: number;
  retries?: number;
  /** First backoff step; doubles each retry, with full jitter. Default 200 ms. */
  retryBaseDelayMs?: number;
  breaker?: CircuitBreaker;
  onCall?: (obs: CallObservation) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  fetch?: typeof fetch;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const MAX_DELAY_MS = 5_000;

type Attempt = { kind: 'response'; res: HttpResponse } | { kind: 'timeout' | 'network'; error: unknown };

/**
 * The one place OpenEMR is called. Per-attempt timeout; retries only for GET (a retried POST could book an
 * appointment twice); a circuit breaker so a dead OpenEMR fails fast instead of holding every portal request.
 */
export class HttpClient {
  readonly breaker: CircuitBreaker;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly baseDelay: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly opts: HttpClientOptions = {}) {
    this.breaker = opts.breaker ?? new CircuitBreaker();
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.retries = Math.max(0, opts.retries ?? 2);
    this.baseDelay = opts.retryBaseDelayMs ?? 200;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = opts.random ?? Math.random;
    this.fetchFn = opts.fetch ?? ((...args) => fetch(...args));
  }

  /** Resolves with any HTTP response below 500 (callers interpret 4xx); throws OpenEmrUnavailableError otherwise. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    const token = this.breaker.tryAcquire();
    if (!token) throw new OpenEmrUnavailableError('OpenEMR circuit is open', req.endpoint, null, 'circuit-open');
    const maxAttempts = req.method === 'GET' ? this.retries + 1 : 1;
    let last: Attempt | undefined;
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      if (attempt > 0) await this.sleep(this.backoff(attempt, last));
      last = await this.attempt(req);
      if (last.kind === 'response' && !RETRYABLE_STATUS.has(last.res.status) && last.res.status < 500) {
        this.breaker.success(token);
        return last.res;
      }
      if (last.kind === 'response' && !RETRYABLE_STATUS.has(last.res.status)) break;
    }
    if (!last) throw new Error('unreachable');
    if (last.kind === 'response' && last.res.status === 429) {
      // Throttled means alive: do not count it against the breaker.
      if (token.trial) this.breaker.success(token);
      else this.breaker.release(token);
      throw new OpenEmrUnavailableError('OpenEMR throttled the request', req.endpoint, 429, 'server');
    }
    this.breaker.failure(token);
    if (last.kind === 'response') throw new OpenEmrUnavailableError(`OpenEMR answered ${last.res.status}`, req.endpoint, last.res.status, 'server');
    throw new OpenEmrUnavailableError(`OpenEMR ${last.kind === 'timeout' ? 'timed out' : 'unreachable'}`, req.endpoint, null, last.kind, { cause: last.error });
  }

  private backoff(attempt: number, last: Attempt | undefined): number {
    const retryAfter = last?.kind === 'response' ? Number(last.res.headers.get('retry-after')) : NaN;
    if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, MAX_DELAY_MS);
    const ceiling = Math.min(this.baseDelay * 2 ** (attempt - 1), MAX_DELAY_MS);
    // Half fixed, half random: spreads retries of many callers without ever retrying immediately.
    return ceiling / 2 + this.random() * (ceiling / 2);
  }

  private async attempt(req: HttpRequest): Promise<Attempt> {
    const started = performance.now();
    const observe = (status: CallObservation['status'], ok: boolean) => {
      try {
        this.opts.onCall?.({ endpoint: req.endpoint, status, durationMs: Math.round(performance.now() - started), ok });
      } catch {
        // An observer must never break a call.
      }
    };
    try {
      const res = await this.fetchFn(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'manual',
      });
      const body = Buffer.from(await res.arrayBuffer());
      observe(res.status, res.status < 400);
      return { kind: 'response', res: { status: res.status, headers: res.headers, body } };
    } catch (error) {
      const name = (error as { name?: string })?.name;
      const kind = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
      observe(kind, false);
      return { kind, error };
    }
  }
}
