import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortico, type Portico } from '../testing/harness';
import { nonceTemplate } from './web';

// A stand-in for apps/web/dist, shaped like Vite's output, so these tests do not depend on a web build.
const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Portico</title>
    <script type="module" crossorigin src="/assets/index-abc123.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-abc123.js">
    <link rel="stylesheet" crossorigin href="/assets/index-abc123.css">
    <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
  </head>
  <body><div id="root"></div></body>
</html>
`;

let p: Portico;
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'portico-web-'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  p = await startPortico({ PORTICO_WEB_DIST: dist });
}, 120_000);
afterAll(async () => {
  await p?.close();
  rmSync(dist, { recursive: true, force: true });
});

const directives = (csp: string | null): Map<string, string> =>
  new Map((csp ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]));

function expectCommonHeaders(res: Response): void {
  expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  const pp = res.headers.get('permissions-policy') ?? '';
  for (const f of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'interest-cohort']) expect(pp).toContain(`${f}=()`);
  expect(res.headers.get('server')).toBeNull();
  expect(res.headers.get('x-powered-by')).toBeNull();
}

describe('security headers', () => {
  it('COMM-05 COMM-02 COMM-08: an API response has the strict CSP, HSTS, referrer/permissions/COOP policies and no version banner', async () => {
    for (const res of [await fetch(`${p.url}/healthz`), await fetch(`${p.url}/api/v1/me`), await fetch(`${p.url}/api/v1/nope`)]) {
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expectCommonHeaders(res);
    }
  });

  it('COMM-05 COMM-02: errors raised before routing carry the same headers', async () => {
    const res = await fetch(`${p.url}/api/v1/records/results/${'a'.repeat(150)}`);
    expect(res.status).toBe(414);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expectCommonHeaders(res);
  });

  it('COMM-05: the SPA shell gets a nonce-based CSP, not cached, and the nonce matches its script and stylesheet tags', async () => {
    const res = await fetch(`${p.url}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expectCommonHeaders(res);
    const csp = directives(res.headers.get('content-security-policy'));
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp.get('script-src') ?? '')?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp.get('script-src')).toBe(`'self' 'nonce-${nonce}'`);
    expect(csp.get('style-src')).toBe(`'self' 'nonce-${nonce}'`);
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'self'");
    expect(csp.get('script-src')).not.toMatch(/unsafe/);
    expect(csp.get('style-src')).not.toMatch(/unsafe/);
    const html = await res.text();
    expect(html).toContain(`<script nonce="${nonce}" type="module" crossorigin src="/assets/index-abc123.js"></script>`);
    expect(html).toContain(`<link nonce="${nonce}" rel="stylesheet" crossorigin href="/assets/index-abc123.css">`);
    expect(html).toContain(`<link nonce="${nonce}" rel="modulepreload"`);
    expect(html).toContain('<link rel="icon"');
  });

  it('COMM-05: every load of the shell gets a fresh nonce (also at /, /index.html and for HEAD)', async () => {
    const nonces = [];
    for (const u of ['/', '/', '/index.html', '/results/4548-4']) {
      const res = await fetch(p.url + u);
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
      expect(await res.text()).toContain(`<script nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
    const head = await fetch(`${p.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-security-policy')).toMatch(/'nonce-/);
  });

  it('COMM-05: the template adds a nonce to script, style and stylesheet tags only, and keeps an existing one', () => {
    const parts = nonceTemplate('<script src="/a.js"></script><style>b{}</style><link rel=stylesheet href="/c.css"><link rel="icon" href="/f.svg"><script nonce="x"></script>');
    expect(parts.join('N')).toBe('<script nonce="N" src="/a.js"></script><style nonce="N">b{}</style><link nonce="N" rel=stylesheet href="/c.css"><link rel="icon" href="/f.svg"><script nonce="x"></script>');
  });
});

describe('sign-out and CSRF', () => {
  it('SESS-06: sign-out sends Clear-Site-Data "cache", "storage"', async () => {
    const c = await p.signIn();
    const out = await c.post('/api/v1/auth/sign-out', undefined, { 'x-portico-csrf': '1' });
    expect(out.status).toBe(204);
    expect(out.headers.get('clear-site-data')).toBe('"cache", "storage"');
  });

  it('AC-15: a write another site started (Sec-Fetch-Site) is refused even with JSON; same-origin passes', async () => {
    const c = await p.signIn();
    const cross = await c.post('/api/v1/auth/sign-out', {}, { 'sec-fetch-site': 'cross-site' });
    expect(cross.status).toBe(403);
    const sibling = await c.post('/api/v1/auth/sign-out', {}, { 'sec-fetch-site': 'same-site' });
    expect(sibling.status).toBe(403);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    const same = await c.post('/api/v1/auth/sign-out', {}, { 'sec-fetch-site': 'same-origin' });
    expect(same.status).toBe(204);
  });
});
