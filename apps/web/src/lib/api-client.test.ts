// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest, setUnauthorizedHandler } from './api-client';
import { safeNextPath } from './session';

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(() => {});
});

const problem = (status: number, title: string, detail?: string): Response =>
  new Response(JSON.stringify({ type: 'https://portico.dev/problems/x', title, status, detail }), {
    status, headers: { 'content-type': 'application/problem+json' },
  });

describe('apiRequest', () => {
  it('sends the CSRF header on writes only, always with the session cookie', async () => {
    const fetchMock = vi.fn(async () => new Response('{"ok":true}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await apiRequest('/me', z.object({ ok: z.boolean() }));
    await apiRequest('/auth/sign-out', null, { method: 'POST' });
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    const [getUrl, getInit] = calls[0] ?? [];
    const postInit = calls[1]?.[1];
    expect(getUrl).toBe('/api/v1/me');
    expect(getInit?.credentials).toBe('same-origin');
    expect((getInit?.headers as Record<string, string>)['x-portico-csrf']).toBeUndefined();
    expect((postInit?.headers as Record<string, string>)['x-portico-csrf']).toBe('1');
  });

  it('turns problem+json into an ApiError with its title and detail', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problem(503, 'OpenEMR is unavailable', 'Try again in a few minutes.')));
    const err = await apiRequest('/dashboard', z.unknown()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).title).toBe('OpenEMR is unavailable');
    expect((err as ApiError).detail).toBe('Try again in a few minutes.');
  });

  it('reports a 401 to the app, except where the caller handles it', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    vi.stubGlobal('fetch', vi.fn(async () => problem(401, 'Please sign in')));
    await apiRequest('/me', z.unknown()).catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledOnce();
    await apiRequest('/auth/sign-in', z.unknown(), { method: 'POST', skipUnauthorizedRedirect: true }).catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('copes with an error that is not problem+json', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })));
    const err = (await apiRequest('/me', z.unknown()).catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(502);
    expect(err.title).toBe('The portal is having trouble right now');
  });
});

describe('safeNextPath', () => {
  it('only returns to paths on this site', () => {
    expect(safeNextPath('/results/4548-4?x=1')).toBe('/results/4548-4?x=1');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('/sign-in?next=/x')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
