import { OpenEmrAuthError, OpenEmrOAuthError } from './errors';
import type { HttpClient } from './http';
import { passwordGrant, refresh } from './oauth';
import type { OpenEmrHooks, OpenEmrSettings, TokenSet, TokenStore } from './types';

const EXPIRY_SKEW_MS = 60_000;
const fresh = (t: TokenSet | null | undefined, now = Date.now()): boolean => !!t && t.expiresAt - EXPIRY_SKEW_MS > now;

/**
 * Hands out the service account's access token and renews it. OpenEMR revokes the old access token on every refresh
 * and rotates the refresh token, so two refreshes racing each other would log one of them out: renewal is
 * single-flight in this process (one shared promise) and across processes (TokenStore.refreshExclusive re-reads the
 * stored token under a lock and reuses it when another process already renewed).
 */
export class TokenManager {
  private current: TokenSet | null = null;
  private inflight: Promise<TokenSet> | null = null;
  /** Grants actually sent to OpenEMR; tests and metrics read it. */
  renewals = 0;

  constructor(
    private readonly http: HttpClient,
    private readonly settings: OpenEmrSettings,
    private readonly store: TokenStore,
    private readonly hooks: OpenEmrHooks = {},
  ) {}

  async accessToken(): Promise<string> {
    if (this.inflight) return (await this.inflight).accessToken;
    if (this.current && fresh(this.current)) return this.current.accessToken;
    const stored = await this.store.load();
    if (stored && fresh(stored)) {
      this.current = stored;
      return stored.accessToken;
    }
    return (await this.renew(stored?.accessToken ?? null)).accessToken;
  }

  /** Renews after `rejected` (the access token OpenEMR just refused, or null when there was none). */
  renew(rejected: string | null): Promise<TokenSet> {
    if (this.inflight) return this.inflight;
    if (this.current && fresh(this.current) && this.current.accessToken !== rejected) return Promise.resolve(this.current);
    this.inflight = this.store
      .refreshExclusive(async (latest) => {
        if (latest && fresh(latest) && latest.accessToken !== rejected) return latest;
        return this.obtain(latest);
      })
      .then((t) => {
        this.current = t;
        return t;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  private async obtain(latest: TokenSet | null): Promise<TokenSet> {
    const client = { baseUrl: this.settings.baseUrl, site: this.settings.site, clientId: this.settings.clientId, clientSecret: this.settings.clientSecret };
    const { serviceUsername: username, servicePassword: password } = this.settings;
    if (latest?.refreshToken) {
      try {
        this.renewals++;
        const next = await refresh({ ...client, refreshToken: latest.refreshToken }, this.http);
        // OpenEMR only returns a refresh token with offline_access; keep the old one rather than lose the session.
        return { ...next, refreshToken: next.refreshToken ?? latest.refreshToken, scope: next.scope || latest.scope };
      } catch (err) {
        if (!(err instanceof OpenEmrOAuthError) || !username || !password) throw err;
        this.hooks.log?.warn({ error: err.error }, 'openemr refresh token rejected; falling back to the password grant');
      }
    }
    if (username && password) {
      this.renewals++;
      return passwordGrant({ ...client, username, password }, this.http);
    }
    throw new OpenEmrAuthError('no usable OpenEMR service token: connect the service account', 'POST oauth2/token');
  }
}
