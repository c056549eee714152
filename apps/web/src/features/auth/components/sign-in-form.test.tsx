// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../testing/render';
import { SignInForm } from './sign-in-form';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fill(email: string, password: string): void {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
}

describe('SignInForm', () => {
  it("shows the server's one generic message in the live region and re-enables the button", async () => {
    let answer: (r: Response) => void = () => {};
    const fetchMock = vi.fn(() => new Promise<Response>((resolve) => { answer = resolve; }));
    vi.stubGlobal('fetch', fetchMock);
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
    fill('patient@demo.portico.test', 'wrong');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const pending = await screen.findByRole('button', { name: 'Signing in…' });
    expect((pending as HTMLButtonElement).disabled).toBe(true);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/sign-in');
    expect((init.headers as Record<string, string>)['x-portico-csrf']).toBe('1');
    expect(init.credentials).toBe('same-origin');

    answer(jsonResponse({ type: 'https://portico.dev/problems/sign-in-failed', title: 'Sign-in failed', status: 401,
      detail: 'The email or password is not right.' }, 401, 'application/problem+json'));
    const error = await screen.findByTestId('sign-in-error');
    expect(error.textContent).toBe('Sign-in failed. The email or password is not right.');
    expect(error.parentElement?.getAttribute('aria-live')).toBe('assertive');
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(false);
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('asks for both fields without calling the server', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<SignInForm onSignedIn={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByTestId('sign-in-error')).textContent).toBe('Enter your email and password.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('calls back once signed in', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({
      accountId: 'a1', email: 'p@x.test', clinicTimeZone: 'America/New_York', idleExpiresAt: '2026-01-01T00:00:00Z',
      patient: { uuid: 'u', pid: '1', givenName: 'Ana', familyName: 'Diaz', birthDate: null },
    })));
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
    fill('p@x.test', 'right');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
  });
});
