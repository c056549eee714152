import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { randomBytes } from 'node:crypto';

export type Role = 'users' | 'patient';

export interface Grant {
  clientId: string; sub: string; role: Role; scopes: string[]; patientUuid?: string; nonce?: string;
}

interface AccessRecord extends Grant { jti: string; exp: number; revoked: boolean }
interface RefreshRecord extends Grant { token: string; accessJti: string; exp: number }

export interface TokenResponse {
  id_token?: string; scope: string; token_type: 'Bearer'; expires_in: number; access_token: string; refresh_token?: string; patient?: string;
}

export const ACCESS_TTL = 3600;

export class TokenService {
  readonly access = new Map<string, AccessRecord>();
  readonly refresh = new Map<string, RefreshRecord>();
  private constructor(private readonly priv: CryptoKey, private readonly pub: CryptoKey, readonly jwk: JWK) {}

  static async create(): Promise<TokenService> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
    return new TokenService(privateKey, publicKey, jwk);
  }

  async issue(g: Grant, issuer: string): Promise<TokenResponse> {
    const now = Date.now() / 1000;
    const jti = randomBytes(40).toString('hex');
    const scopes = [...g.scopes, 'site:default'];
    const access = await new SignJWT({ aud: g.clientId, jti, iat: now, nbf: now, exp: now + ACCESS_TTL, sub: g.sub, scopes })
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256' }).sign(this.priv);
    this.access.set(jti, { ...g, jti, exp: now + ACCESS_TTL, revoked: false });
    const res: TokenResponse = {
      scope: g.scopes.filter((s) => !s.startsWith('api:')).join(' '), token_type: 'Bearer', expires_in: ACCESS_TTL, access_token: access,
    };
    if (g.scopes.includes('openid')) {
      const claims: Record<string, unknown> = { aud: g.clientId, iss: issuer, iat: Math.floor(now), exp: Math.floor(now) + ACCESS_TTL, sub: g.sub };
      for (const s of g.scopes) if (s.startsWith('api:')) claims[s] = true;
      if (g.nonce) claims.nonce = g.nonce;
      res.id_token = await new SignJWT(claims).setProtectedHeader({ typ: 'JWT', alg: 'RS256' }).sign(this.priv);
      // OpenEMR puts id_token first in the body; keep key order for byte-level comparisons.
      const { id_token, ...rest } = res;
      return this.withRefresh({ id_token, ...rest }, g, jti, now);
    }
    return this.withRefresh(res, g, jti, now);
  }

  private withRefresh(res: TokenResponse, g: Grant, jti: string, now: number): TokenResponse {
    if (g.patientUuid && g.scopes.includes('launch/patient')) res.patient = g.patientUuid;
    if (!g.scopes.includes('offline_access')) return res;
    const token = `def50200${randomBytes(96).toString('hex')}`;
    this.refresh.set(token, { ...g, token, accessJti: jti, exp: now + 90 * 86400 });
    res.refresh_token = token;
    return res;
  }

  /** Rotation: the presented refresh token dies and so does the access token issued with it. */
  consumeRefresh(token: string): RefreshRecord | undefined {
    const r = this.refresh.get(token);
    if (!r) return undefined;
    this.refresh.delete(token);
    const a = this.access.get(r.accessJti);
    if (a) a.revoked = true;
    return r;
  }

  async verify(jwt: string): Promise<{ ok: true; rec: AccessRecord } | { ok: false; hint: string }> {
    if (jwt.split('.').length !== 3) return { ok: false, hint: 'The JWT string must have two dots' };
    try {
      const { payload } = await jwtVerify(jwt, this.pub, { clockTolerance: 5 });
      const rec = this.access.get(String(payload.jti));
      if (!rec) return { ok: false, hint: 'Access token could not be verified' };
      if (rec.revoked) return { ok: false, hint: 'Access token has been revoked' };
      if (rec.exp < Date.now() / 1000) return { ok: false, hint: 'Access token could not be verified' };
      return { ok: true, rec };
    } catch {
      return { ok: false, hint: 'Access token could not be verified' };
    }
  }

  async lookup(jwt: string): Promise<AccessRecord | undefined> {
    try {
      const { payload } = await jwtVerify(jwt, this.pub, { clockTolerance: 5 });
      return this.access.get(String(payload.jti));
    } catch {
      return undefined;
    }
  }

  revokeFor(clientId: string, sub: string): void {
    for (const a of this.access.values()) if (a.clientId === clientId && a.sub === sub) a.revoked = true;
    for (const [k, r] of this.refresh) if (r.clientId === clientId && r.sub === sub) this.refresh.delete(k);
  }
}
