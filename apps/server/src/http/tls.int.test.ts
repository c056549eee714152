import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { startPortico, type Portico } from '../testing/harness';
import { httpsOptions } from './tls';

// A throw-away self-signed certificate, made at test time (no key material in the repository).
let dir: string;
let cert: string, key: string, ca: Buffer;
let p: Portico;
let port: number;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'portico-tls-'));
  cert = path.join(dir, 'cert.pem');
  key = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  ca = readFileSync(cert);
  p = await startPortico({ PORTICO_TLS_CERT_FILE: cert, PORTICO_TLS_KEY_FILE: key });
  port = Number(new URL(p.url).port);
}, 120_000);
afterAll(async () => {
  await p?.close();
  rmSync(dir, { recursive: true, force: true });
});

function handshake(opts: tls.ConnectionOptions): Promise<{ protocol: string | null; cipher: string }> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, ca, ...opts }, () => {
      const result = { protocol: socket.getProtocol(), cipher: socket.getCipher().name };
      socket.end();
      resolve(result);
    });
    socket.once('error', reject);
  });
}

describe('TLS termination', () => {
  it('COMM-01: serves HTTPS with the configured certificate, and HSTS on the response', async () => {
    expect(p.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await new Promise<{ status: number; hsts: unknown }>((resolve, reject) => {
      https.get(`${p.url}/healthz`, { ca }, (r) => {
        r.resume();
        resolve({ status: r.statusCode ?? 0, hsts: r.headers['strict-transport-security'] });
      }).once('error', reject);
    });
    expect(res).toEqual({ status: 200, hsts: 'max-age=31536000; includeSubDomains' });
  });

  it('COMM-01: a TLS 1.2 client connects with a forward-secret AEAD suite; TLS 1.3 works too', async () => {
    const v12 = await handshake({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
    expect(v12.protocol).toBe('TLSv1.2');
    expect(v12.cipher).toMatch(/^ECDHE-(RSA|ECDSA)-(AES\d+-GCM-SHA\d+|CHACHA20-POLY1305)$/);
    expect((await handshake({})).protocol).toBe('TLSv1.3');
  });

  it('COMM-01: a client limited to TLS 1.0/1.1 is refused by the server', async () => {
    // SECLEVEL=0 lets this client's OpenSSL offer TLS 1.0/1.1 at all, so the refusal comes from Portico.
    const err = await handshake({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' }).then(
      () => null,
      (e: NodeJS.ErrnoException) => e,
    );
    expect(err?.code).toMatch(/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL/);
  });

  it('COMM-01: a TLS 1.2 client offering only non-AEAD / non-forward-secret suites is refused', async () => {
    await expect(handshake({ maxVersion: 'TLSv1.2', ciphers: 'AES128-SHA:AES256-SHA:ECDHE-RSA-AES128-SHA' })).rejects.toThrow();
  });

  it('COMM-01: the certificate and key are set together or not at all, and must be readable', () => {
    expect(() => loadConfig({ PORTICO_TLS_CERT_FILE: cert })).toThrow(/PORTICO_TLS_KEY_FILE: set PORTICO_TLS_CERT_FILE and PORTICO_TLS_KEY_FILE together/);
    expect(() => loadConfig({ PORTICO_TLS_KEY_FILE: key })).toThrow(ConfigError);
    expect(loadConfig({}).tls).toBeUndefined();
    expect(() => httpsOptions({ certFile: path.join(dir, 'missing.pem'), keyFile: key })).toThrow(/cannot read/);
    expect(() => httpsOptions({ certFile: key, keyFile: cert })).toThrow(ConfigError);
  });
});
