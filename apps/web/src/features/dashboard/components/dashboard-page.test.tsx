// @vitest-environment jsdom
import type { Dashboard } from '@portico/contracts';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../testing/render';
import { DashboardPage } from './dashboard-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const dashboard: Dashboard = {
  patient: { uuid: 'u1', pid: '1', givenName: 'Ana', familyName: 'Diaz', birthDate: '1980-02-03' },
  clinicTimeZone: 'America/New_York',
  generatedAt: '2026-04-14T13:00:00Z',
  sections: {
    appointments: { status: 'ok', data: [{ id: 'ap1', start: '2026-04-20T14:30:00Z', end: null, status: 'booked', type: 'Follow-up', provider: 'Dr. Lee', location: 'Main clinic', comment: null }] },
    results: { status: 'error', message: 'Results are unavailable right now.', retryable: true },
    summary: { status: 'ok', data: { activeProblems: [], activeMedications: [], allergies: [], latestVitals: [] } },
  },
};

describe('DashboardPage', () => {
  it('shows a failed section on its own and retries just that section', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      if (url === '/api/v1/dashboard') return jsonResponse(dashboard);
      if (url === '/api/v1/dashboard/sections/results') {
        return jsonResponse({ status: 'ok', data: [{
          id: 'r1', code: '4548-4', name: 'Hemoglobin A1c', panel: null, effectiveAt: '2026-04-01T12:00:00Z', status: 'final',
          value: { kind: 'quantity', numeric: 7.1, comparator: null, text: '7.1', unit: '%' },
          referenceRange: { low: 4, high: 5.6, text: '4.0-5.6', unit: '%' }, flag: 'H', abnormal: true, critical: false, note: null,
        }] });
      }
      return jsonResponse({ type: 'about:blank', title: 'Not found', status: 404 }, 404);
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<DashboardPage />);

    expect(await screen.findByRole('heading', { level: 1, name: /Ana/ })).toBeTruthy();
    // The other sections render normally.
    expect(screen.getByText('Follow-up')).toBeTruthy();
    expect(screen.getByText('With Dr. Lee · Main clinic')).toBeTruthy();
    const results = screen.getByRole('region', { name: 'Recent results' });
    expect(within(results).getByText('Results are unavailable right now.')).toBeTruthy();

    fireEvent.click(within(results).getByRole('button', { name: 'Try again' }));
    expect(await within(results).findByText('Hemoglobin A1c')).toBeTruthy();
    expect(within(results).getByText('High')).toBeTruthy();
    expect(within(results).queryByRole('button', { name: 'Try again' })).toBeNull();
    const calls = fetchMock.mock.calls.map((c) => c[0]);
    expect(calls.filter((u) => u === '/api/v1/dashboard')).toHaveLength(1);
    expect(calls).toContain('/api/v1/dashboard/sections/results');
  });

  it('shows appointment times in clinic time', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(dashboard)));
    renderWithProviders(<DashboardPage />);
    const appts = await screen.findByRole('region', { name: 'Upcoming appointments' });
    expect(within(appts).getByText(/Mon 20 Apr 2026, 10:30 AM/)).toBeTruthy();
    expect(within(appts).getByText('(clinic time)')).toBeTruthy();
  });

  it('makes a severe allergy stand out with an icon and the word "Severe", listed first', async () => {
    const allergy = (id: string, substance: string, reactions: string[], severity: string | null, criticality: string | null) =>
      ({ id, substance, reactions, severity, criticality, status: 'active', recordedOn: null });
    const withAllergies: Dashboard = {
      ...dashboard,
      sections: {
        ...dashboard.sections,
        summary: { status: 'ok', data: { activeProblems: [], activeMedications: [], latestVitals: [], allergies: [
          allergy('a1', 'Sulfonamide antibiotics', ['rash'], 'mild', null),
          allergy('a2', 'Peanuts', ['anaphylaxis'], 'severe', null),
          allergy('a3', 'Latex', [], null, 'high'),
        ] } },
      },
    };
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(withAllergies)));
    renderWithProviders(<DashboardPage />);
    const summary = await screen.findByRole('region', { name: 'Health summary' });
    const items = within(summary).getByRole('heading', { name: 'Allergies' }).parentElement?.querySelectorAll('li') ?? [];
    const texts = [...items].map((li) => li.textContent);
    expect(texts).toEqual(['PeanutsSevereAnaphylaxis', 'LatexSevere', 'Sulfonamide antibioticsRash · Mild']);
    expect([...items].map((li) => li.getAttribute('data-severe'))).toEqual(['true', 'true', null]);
    expect(items[0]?.querySelector('svg')).toBeTruthy();
  });
});
