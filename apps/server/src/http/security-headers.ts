import { randomBytes } from 'node:crypto';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * HTTP hardening headers (COMM-02, COMM-05, COMM-08). Helmet and the hook below set them on every response in onRequest; API and
 * other non-HTML responses keep the strict CSP below, and the SPA shell (http/web.ts) replaces it with
 * `htmlCsp(nonce)` for that one response.
 *
 * HSTS is sent on every response, HTTP included: browsers ignore it over plain HTTP (RFC 6797 8.1), and behind a
 * TLS-terminating proxy Portico cannot reliably tell which scheme the browser used, so "always" is what gets it to
 * the browser in both deployments.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Browser features the portal does not use; listing them denies them to the page and to any frame. WebAuthn
 * (publickey-credentials-*) is left at its same-origin default for a future second factor. interest-cohort is
 * obsolete (FLoC) and only logs a notice in current Chromium, but still opts older browsers out.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer', 'autoplay', 'bluetooth', 'browsing-topics', 'camera', 'display-capture', 'encrypted-media',
  'fullscreen', 'gamepad', 'geolocation', 'gyroscope', 'hid', 'idle-detection', 'interest-cohort', 'magnetometer',
  'microphone', 'midi', 'payment', 'picture-in-picture', 'screen-wake-lock', 'serial',
  'usb', 'xr-spatial-tracking',
].map((f) => `${f}=()`).join(', ');

/** Headers for answers produced outside the request lifecycle (Fastify's frameworkErrors), where hooks do not run. */
export const BASELINE_HEADERS: Record<string, string> = {
  'content-security-policy': API_CSP,
  'strict-transport-security': HSTS,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': PERMISSIONS_POLICY,
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** The SPA shell's policy: its own script and stylesheet only, by origin or by this response's nonce. */
export function htmlCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** 128 random bits, base64 (CSP3 nonce-source grammar; no quote or angle bracket can appear). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: false, // set below, so that the SPA shell can replace it with its own
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true, preload: false },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  });
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('content-security-policy', API_CSP).header('permissions-policy', PERMISSIONS_POLICY);
  });
}

export function setHtmlCsp(reply: FastifyReply, nonce: string): void {
  reply.header('content-security-policy', htmlCsp(nonce));
}
