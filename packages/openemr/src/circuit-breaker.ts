export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long the circuit stays open before one trial call is let through. Default 30 s. */
  cooldownMs?: number;
  now?: () => number;
}

/**
 * Closed -> open after N consecutive failures -> half-open after the cool-down (one trial call; others still fail
 * fast) -> closed on success, open again on failure. Keeps a slow or dead OpenEMR from tying up every request.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;

  constructor(opts: CircuitBreakerOptions = {}) {
    this.threshold = opts.failureThreshold ?? 5;
    this.cooldownMs = opts.cooldownMs ?? 30_000;
    this.now = opts.now ?? Date.now;
  }

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.cooldownMs ? 'half-open' : 'open';
  }

  /** Returns a token to settle, or null when the call must fail fast. */
  tryAcquire(): { trial: boolean } | null {
    const state = this.state;
    if (state === 'closed') return { trial: false };
    if (state === 'open' || this.trialInFlight) return null;
    this.trialInFlight = true;
    return { trial: true };
  }

  success(token: { trial: boolean }): void {
    if (token.trial) this.trialInFlight = false;
    this.failures = 0;
    this.openedAt = null;
  }

  failure(token: { trial: boolean }): void {
    if (token.trial) {
      this.trialInFlight = false;
      this.openedAt = this.now();
      return;
    }
    this.failures += 1;
    if (this.failures >= this.threshold && this.openedAt === null) this.openedAt = this.now();
  }

  /** A call that ended without telling us about OpenEMR's health (e.g. cancelled) releases a trial slot. */
  release(token: { trial: boolean }): void {
    if (token.trial) this.trialInFlight = false;
  }
}
