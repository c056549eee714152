import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator, type RunningSimulator } from './index';
import { FARRAH_PORTAL_PASSWORD, RECORDED_CLIENT_SECRET } from './seed';
import { shapeDiff } from './test-support/shape';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = process.env.OPENEMR_RECORDINGS_DIR ?? path.resolve(repoRoot, 'fixtures/openemr-recorded');
const RECORDED_BASE = 'http://127.0.0.1:8300';

interface Recording {
  description: string;
  request: { method: string; url: string; headers: Record<string, string>; body: unknown };
  response: { status: number; body_is_json: boolean; body: unknown };
}

const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
const load = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Recording;

describe('contract: replay of recorded OpenEMR 7.0.2 calls', () => {
  let sim: RunningSimulator;
  const secrets: Record<string, string> = {};

  const form = (body: Record<string, string>) => new URLSearchParams(body);
  const token = async (f: string) => {
    const body = load(f).request.body as Record<string, string>;
    const res = await fetch(`${sim.url}/oauth2/default/token`, {
      method: 'POST', body: form({ ...body, client_secret: RECORDED_CLIENT_SECRET, password: body.password === '<patient_password>' ? FARRAH_PORTAL_PASSWORD : body.password ?? '' }),
    });
    return (await res.json()) as { access_token: string; refresh_token: string };
  };

  beforeAll(async () => {
    sim = await startSimulator({ anchorDate: '2026-12-03', clinicTimeZone: 'UTC' });
    secrets['<access_token>'] = (await token('oauth-token-password-user.json')).access_token;
    secrets['<patient_access_token>'] = (await token('oauth-token-password-patient.json')).access_token;
    const old = await token('oauth-token-password-user.json');
    await fetch(`${sim.url}/oauth2/default/token`, {
      method: 'POST', body: form({ grant_type: 'refresh_token', client_id: sim.seed.clientId, refresh_token: old.refresh_token }),
    });
    secrets['<previous_access_token>'] = old.access_token;
    secrets['<client_secret>'] = RECORDED_CLIENT_SECRET;
    secrets['<patient_password>'] = FARRAH_PORTAL_PASSWORD;
  });
  afterAll(() => sim?.close());

  it('finds the recordings folder', () => {
    expect(existsSync(dir), `recordings folder missing: ${dir}`).toBe(true);
    expect(files.length).toBeGreaterThan(0);
  });

  const subst = (s: string) => Object.entries(secrets).reduce((acc, [k, v]) => acc.split(k).join(v), s.split(RECORDED_BASE).join(sim.url));

  for (const f of files) {
    it(f, async () => {
      const rec = load(f);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(rec.request.headers)) headers[k] = subst(v);
      let body: string | URLSearchParams | FormData | undefined;
      const ct = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
      const b = rec.request.body;
      if (ct.startsWith('multipart/form-data') && b && typeof b === 'object') {
        const m = b as { multipart_field: string; filename: string; content_type: string; content: string };
        const fd = new FormData();
        fd.append(m.multipart_field, new Blob([m.content], { type: m.content_type }), m.filename);
        body = fd;
        for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-type') delete headers[k];
      } else if (ct.startsWith('application/x-www-form-urlencoded') && b && typeof b === 'object') {
        const fields = Object.fromEntries(Object.entries(b as Record<string, string>).map(([k, v]) => [k, subst(String(v))]));
        if (fields.grant_type === 'refresh_token') fields.refresh_token = (await token('oauth-token-password-user.json')).refresh_token;
        body = form(fields);
      } else if (b !== null && b !== undefined) {
        body = subst(JSON.stringify(b));
      }
      const res = await fetch(subst(rec.request.url), { method: rec.request.method, headers, ...(body !== undefined ? { body } : {}), redirect: 'manual' });
      const text = await res.text();
      expect(res.status, `${f}: status (body: ${text.slice(0, 200)})`).toBe(rec.response.status);
      if (rec.response.body === null) {
        expect(text, `${f}: expected an empty body`).toBe('');
        return;
      }
      if (!rec.response.body_is_json) return;
      let actual: unknown;
      try { actual = JSON.parse(text); } catch { throw new Error(`${f}: body is not JSON: ${text.slice(0, 200)}`); }
      const diffs = shapeDiff(rec.response.body, actual);
      expect(diffs, `${f}: shape differs at\n  ${diffs.slice(0, 40).join('\n  ')}`).toEqual([]);
    });
  }
});
