import type { TokenSet, TokenStore } from '../types';

/** A TokenStore whose lock is a promise chain: enough for one process, and lets tests play "another process". */
export class MemoryTokenStore implements TokenStore {
  saves = 0;
  private lock: Promise<unknown> = Promise.resolve();
  constructor(public tokens: TokenSet | null = null) {}
  async load() {
    return this.tokens;
  }
  async save(t: TokenSet) {
    this.saves++;
    this.tokens = t;
  }
  refreshExclusive(fn: (current: TokenSet | null) => Promise<TokenSet>): Promise<TokenSet> {
    const run = this.lock.then(async () => {
      const next = await fn(this.tokens);
      await this.save(next);
      return next;
    });
    this.lock = run.catch(() => undefined);
    return run;
  }
}
