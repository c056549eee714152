// @vitest-environment jsdom
import type { AccessLogResponse } from '@portico/contracts';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../testing/render';
import { AccessLogPage } from './access-log-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const me = { accountId: 'a1', email: 'p@x.test', patient: { uuid: 'u1', pid: '1', givenName: 'Ana', familyName: 'Diaz', birthDate: null }, clinicTimeZone: 'America/New_York', idleExpiresAt: '2026-04-14T13:15:00Z' };
const page1: AccessLogResponse = {
  items: [
    { seq: 9, at: '2026-04-14T13:00:00Z', actor: 'you', action: 'read', category: 'lab-results', outcome: 'success' },
    { seq: 7, at: '2026-04-14T12:00:00Z', actor: 'staff', action: 'download', category: 'document', outcome: 'success' },
  ],
  nextBefore: 7,
};
const page2: AccessLogResponse = { items: [{ seq: 3, at: '2026-04-13T12:00:00Z', actor: 'unknown', action: 'login_fail', category: 'session', outcome: 'denied' }], nextBefore: null };

describe('AccessLogPage', () => {
  it('lists who accessed the record, newest first, and loads older entries on request', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      if (url === '/api/v1/me') return jsonResponse(me);
      if (url === '/api/v1/me/access-log?limit=50') return jsonResponse(page1);
      if (url === '/api/v1/me/access-log?limit=50&before=7') return jsonResponse(page2);
      return jsonResponse({ type: 'about:blank', title: 'Not found', status: 404 }, 404);
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<AccessLogPage />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Who accessed my record' })).toBeTruthy();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('You');
    expect(rows[0]!.textContent).toContain('Viewed: Lab results');
    expect(rows[1]!.textContent).toContain('Clinic staff');
    expect(rows[1]!.textContent).toContain('Downloaded: A document');

    fireEvent.click(screen.getByRole('button', { name: 'Show older entries' }));
    expect(await screen.findByText('Failed sign-in')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show older entries' })).toBeNull();
  });
});
