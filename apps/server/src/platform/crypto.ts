import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the token store and the EHR cache need from a sealer: AES-256-GCM sealing bound to a context string (AAD).
 * The KeyRing (platform/keys.ts, envelope encryption with rotation) is the one Portico runs with; `Sealer` below
 * is the original single-key v1 sealer, kept so v1 values stay readable and for tests.
 */
export interface Sealing {
  seal(plain: string | Buffer, context?: string): string | Promise<string>;
  open(sealed: string, context?: string): Buffer | Promise<Buffer>;
}

/** A sealed value, a wrapped key or a key could not be used: tampered, wrong context, or a key we do not hold. */
export class SealError extends Error {
  override name = 'SealError';
}

const b64 = (b: Buffer): string => b.toString('base64url');

/** AES-256-GCM: returns iv, tag and ciphertext as base64url parts. */
export function gcmSeal(key: Buffer, plain: string | Buffer, aad: string): [string, string, string] {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [b64(iv), b64(cipher.getAuthTag()), b64(body)];
}

/** The inverse of gcmSeal; throws SealError(failure) when authentication fails. */
export function gcmOpen(key: Buffer, [iv, tag, body]: [string, string, string], aad: string, failure: string): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad));
    const t = Buffer.from(tag, 'base64url');
    if (t.length !== 16) throw new Error('bad tag length');
    decipher.setAuthTag(t);
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  } catch {
    throw new SealError(failure);
  }
}

/** A master key's id: a prefix of its SHA-256 (also the key id of v1 sealed values). */
export const masterKeyId = (key: Buffer): string => createHash('sha256').update(key).digest('base64url').slice(0, 8);

/**
 * AES-256-GCM sealing with the master key directly: v1.<keyId>.<iv>.<tag>.<ciphertext>, base64url parts.
 * Superseded by the KeyRing's v2 (envelope) format; the KeyRing still opens v1 values.
 */
export class Sealer implements Sealing {
  private readonly keyId: string;
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('master key must be 32 bytes');
    this.keyId = masterKeyId(key);
  }

  seal(plain: string | Buffer, context = ''): string {
    return ['v1', this.keyId, ...gcmSeal(this.key, plain, context)].join('.');
  }

  open(sealed: string, context = ''): Buffer {
    const [v, keyId, iv, tag, body] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || body === undefined) throw new SealError('not a sealed value');
    if (keyId !== this.keyId) throw new SealError(`sealed with unknown key ${keyId}`);
    return gcmOpen(this.key, [iv, tag, body], context, `sealed value (v1, master key ${keyId}) failed authentication: tampered, or bound to another context`);
  }
}

/** Decodes one configured key (base64 or base64url) and checks it is 32 bytes. */
export function decodeMasterKey(configured: string, what = 'PORTICO_MASTER_KEY'): Buffer {
  const s = configured.trim();
  const key = Buffer.from(s, s.includes('-') || s.includes('_') ? 'base64url' : 'base64');
  if (key.length !== 32) throw new Error(`${what} must be a base64 32-byte key`);
  return key;
}

/** The configured master key, or (embedded defaults only) one generated once and kept in the data directory. */
export function loadMasterKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return decodeMasterKey(configured);
  const file = path.join(dataDir, 'master.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
