// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '../../lib/query-client';
import { announcement, createIdleClock, formatRemaining, idlePhase } from './idle-clock';
import { IdleWarning, idleSignInPath } from './idle-warning';

const T0 = Date.parse('2026-04-14T12:00:00Z');
const MIN = 60_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('idle timing (SESS-05)', () => {
  it('is active until two minutes before the deadline, then warning, then expired', () => {
    const deadline = T0 + 15 * MIN;
    expect(idlePhase(deadline, T0)).toEqual({ phase: 'active', msLeft: 15 * MIN, nextChangeInMs: 13 * MIN });
    expect(idlePhase(deadline, T0 + 13 * MIN - 1).phase).toBe('active');
    expect(idlePhase(deadline, T0 + 13 * MIN).phase).toBe('warning');
    expect(idlePhase(deadline, T0 + 15 * MIN).phase).toBe('expired');
    expect(idlePhase(null, T0).phase).toBe('unknown');
  });

  it('says the time left in whole minutes and seconds, and announces it in coarse steps', () => {
    expect(formatRemaining(2 * MIN)).toBe('2 minutes');
    expect(formatRemaining(61_000)).toBe('1 minute 1 second');
    expect(formatRemaining(9_200)).toBe('10 seconds');
    expect(announcement(119_000)).toMatch(/in 2 minutes unless/);
    expect(announcement(45_000)).toMatch(/in 1 minute unless/);
    expect(announcement(20_000)).toMatch(/in 30 seconds unless/);
    expect(announcement(3_000)).toMatch(/in 10 seconds unless/);
  });

  it('follows the idle header, corrected by the Date header when the browser clock is off', () => {
    const clock = createIdleClock(null);
    const res = new Response(null, { headers: { 'x-portico-idle-expires-at': '2026-04-14T12:15:00.000Z', 'x-portico-idle-minutes': '15', date: new Date(T0 - 10 * MIN).toUTCString() } });
    clock.observe(res);
    // The server's clock is 10 minutes behind this browser's: 15 minutes left means T0 + 15 min here.
    expect(clock.deadline).toBe(Date.parse('2026-04-14T12:15:00.000Z') + 10 * MIN);
    expect(clock.minutes).toBe(15);
    clock.observe(new Response(null));
    expect(clock.deadline).toBe(Date.parse('2026-04-14T12:15:00.000Z') + 10 * MIN);
  });

  it('takes a later deadline from another tab, never an earlier one', () => {
    const clock = createIdleClock(null);
    clock.update(new Date(T0 + 5 * MIN).toISOString());
    clock.fromStorage(String(T0 + 3 * MIN));
    expect(clock.deadline).toBe(T0 + 5 * MIN);
    clock.fromStorage(String(T0 + 9 * MIN));
    expect(clock.deadline).toBe(T0 + 9 * MIN);
  });

  it('builds the sign-in address with where to return to', () => {
    expect(idleSignInPath('/results/hba1c', '?x=1', 15)).toBe('/sign-in?next=%2Fresults%2Fhba1c%3Fx%3D1&reason=idle&minutes=15');
  });
});

function setup(deadline: number) {
  const clock = createIdleClock(null);
  clock.update(new Date(deadline).toISOString());
  const fetchMock = vi.fn(async (url: string) => {
    if (url === '/api/v1/sessions/keep-alive') {
      return new Response(JSON.stringify({ idleExpiresAt: new Date(Date.now() + 15 * MIN).toISOString(), idleMinutes: 15 }), { headers: { 'content-type': 'application/json' } });
    }
    return new Response(null, { status: 204 });
  });
  vi.stubGlobal('fetch', fetchMock);
  const router = createMemoryRouter([
    { path: '/records', element: <IdleWarning clock={clock} /> },
    { path: '/sign-in', element: <p>sign-in page</p> },
  ], { initialEntries: ['/records?tab=2'] });
  render(<QueryClientProvider client={createQueryClient()}><RouterProvider router={router} /></QueryClientProvider>);
  return { clock, fetchMock, router };
}

describe('IdleWarning', () => {
  it('opens an alert dialog two minutes before the deadline with focus on "Stay signed in"', async () => {
    setup(T0 + 15 * MIN);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await act(async () => { await vi.advanceTimersByTimeAsync(13 * MIN - 1000); });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await act(async () => { await vi.advanceTimersByTimeAsync(1000); });
    const dialog = screen.getByRole('alertdialog', { name: 'Are you still there?' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stay signed in' }));
    expect(screen.getByTestId('idle-countdown').textContent).toBe('2 minutes');
    await act(async () => { await vi.advanceTimersByTimeAsync(30_000); });
    expect(screen.getByTestId('idle-countdown').textContent).toBe('1 minute 30 seconds');
    expect(dialog.querySelector('[aria-live]')?.textContent).toMatch(/in 2 minutes/);
    // Escape does not make it go away.
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });

  it('"Stay signed in" calls keep-alive and closes the warning', async () => {
    const { fetchMock } = setup(T0 + 15 * MIN);
    await act(async () => { await vi.advanceTimersByTimeAsync(14 * MIN); });
    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    await act(async () => { await vi.advanceTimersByTimeAsync(0); });
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/sessions/keep-alive', expect.objectContaining({ method: 'POST' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // And 13 minutes later it warns again.
    await act(async () => { await vi.advanceTimersByTimeAsync(13 * MIN); });
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });

  it('at the deadline goes to sign-in with the page to return to', async () => {
    const { router } = setup(T0 + 15 * MIN);
    await act(async () => { await vi.advanceTimersByTimeAsync(13 * MIN); });
    await act(async () => { await vi.advanceTimersByTimeAsync(2 * MIN); });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/records?tab=2');
    expect(new URLSearchParams(router.state.location.search).get('reason')).toBe('idle');
  });
});
