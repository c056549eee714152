import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.openemr.baseUrl).toBeUndefined();
    expect(c.openemr.site).toBe('default');
    expect(c.session.idleMs).toBe(15 * 60_000);
  });

  it('lists every invalid setting at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', PORTICO_SESSION_IDLE_MINUTES: '45' })).toThrowError(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', PORTICO_SESSION_IDLE_MINUTES: '45' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toMatch(/PORT: /);
      expect(msg).toMatch(/PORTICO_SESSION_IDLE_MINUTES: /); // hard ceiling of 30 minutes
    }
  });

  it('needs a client id when pointed at a real OpenEMR', () => {
    expect(() => loadConfig({ OPENEMR_BASE_URL: 'https://emr.example.org' })).toThrowError(/OPENEMR_CLIENT_ID: required when OPENEMR_BASE_URL is set/);
  });

  it('strips a trailing slash from the OpenEMR URL and rejects a bad site name', () => {
    expect(loadConfig({ OPENEMR_BASE_URL: 'https://emr.example.org/openemr/', OPENEMR_CLIENT_ID: 'x' }).openemr.baseUrl).toBe('https://emr.example.org/openemr');
    expect(() => loadConfig({ OPENEMR_SITE: '../etc' })).toThrowError(/OPENEMR_SITE/);
  });
});
