import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { ConfigError, type Config } from '../config';

/**
 * TLS 1.2 cipher suites: ECDHE only (forward secrecy) with AEAD (GCM, ChaCha20-Poly1305), the Mozilla
 * "intermediate" list minus DHE. TLS 1.3 suites (all AEAD with forward secrecy) are listed by their TLS_ names.
 */
export const TLS_CIPHERS = [
  'TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256',
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305',
].join(':');

export type HttpsOptions = { cert: Buffer; key: Buffer; minVersion: 'TLSv1.2'; ciphers: string; honorCipherOrder: true };

/** Options for Fastify's `https` when Portico terminates TLS itself (COMM-01); undefined when it does not. */
export function httpsOptions(tls: Config['tls']): HttpsOptions | undefined {
  if (!tls) return undefined;
  let cert: Buffer, key: Buffer;
  try {
    cert = readFileSync(tls.certFile);
    key = readFileSync(tls.keyFile);
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  PORTICO_TLS_CERT_FILE/PORTICO_TLS_KEY_FILE: cannot read (${(err as Error).message})`);
  }
  const options: HttpsOptions = { cert, key, minVersion: 'TLSv1.2', ciphers: TLS_CIPHERS, honorCipherOrder: true };
  try {
    createSecureContext(options); // a wrong format or a key that does not match the certificate fails here, at start
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  PORTICO_TLS_CERT_FILE/PORTICO_TLS_KEY_FILE: not a usable PEM certificate and matching key (${(err as Error).message})`);
  }
  return options;
}
