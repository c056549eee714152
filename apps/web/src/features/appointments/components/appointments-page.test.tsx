// @vitest-environment jsdom
import type { Appointment, AppointmentsResponse } from '@portico/contracts';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../testing/render';
import { AppointmentsPage } from './appointments-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const appt = (id: string, over: Partial<Appointment>): Appointment => ({
  id, start: '2026-09-01T14:00:00Z', end: null, status: 'booked', type: null, provider: null, location: null, comment: null, ...over,
});

describe('AppointmentsPage', () => {
  it('shows the type as the title and the comment as a quiet line, and nothing odd when they are null', async () => {
    const body: AppointmentsResponse = {
      upcoming: [
        appt('a1', { type: 'Established Patient', comment: 'Quarterly diabetes check', provider: 'Dr. Lee', location: 'Main clinic', status: 'pending' }),
        appt('a2', { start: '2026-10-01T14:00:00Z', status: 'proposed' }),
      ],
      past: [],
    };
    vi.stubGlobal('fetch', vi.fn(async (url: string) =>
      url === '/api/v1/appointments' ? jsonResponse(body) : jsonResponse({ type: 'about:blank', title: 'Not found', status: 404 }, 404)));
    renderWithProviders(<AppointmentsPage />);
    const upcoming = await screen.findByRole('region', { name: 'Upcoming' });
    const [first, second] = within(upcoming).getAllByTestId('appointment');
    if (!first || !second) throw new Error('two appointments expected');
    expect(within(first).getByTestId('appointment-title').textContent).toBe('Established Patient');
    expect(within(first).getByTestId('appointment-comment').textContent).toBe('Quarterly diabetes check');
    expect(within(first).getByText('With Dr. Lee · Main clinic')).toBeTruthy();
    expect(within(second).getByTestId('appointment-title').textContent).toBe('Appointment');
    expect(within(second).queryByTestId('appointment-comment')).toBeNull();
    expect(second.textContent).not.toMatch(/null|undefined/);
    // The status badge sits in the title row for every status, not on a line of its own for some.
    for (const item of [first, second]) {
      expect(within(item).getByTestId('appointment-status').parentElement).toBe(within(item).getByTestId('appointment-title').parentElement);
    }
  });
});
