// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadZxcvbn, PasswordStrength, type Estimator } from './password-strength';

afterEach(cleanup);

const fake = (score: 0 | 1 | 2 | 3 | 4, warning: string | null = null, suggestions: string[] = []) => {
  const estimate: Estimator = vi.fn(() => ({ score, warning, suggestions }));
  return { estimate, load: vi.fn(() => Promise.resolve(estimate)) };
};

describe('PasswordStrength', () => {
  it('says in text (not colour alone) how strong the password is, in a polite live region, with a labelled meter', async () => {
    const { load } = fake(1, 'This is similar to a commonly used password.', ['Add more words that are less common.']);
    render(<PasswordStrength password="password1234" loadEstimator={load} />);
    const label = await screen.findByText('Strength: Weak');
    expect(label.closest('[aria-live]')?.getAttribute('aria-live')).toBe('polite');
    const meter = screen.getByRole('meter', { name: 'Password strength' });
    expect(meter.getAttribute('aria-valuenow')).toBe('1');
    expect(meter.getAttribute('aria-valuetext')).toBe('Weak');
    expect(screen.getByTestId('password-strength-warning').textContent).toMatch(/commonly used/);
    expect(screen.getByTestId('password-strength-suggestions').textContent).toMatch(/less common/);
  });

  it('counts code points after collapsing spaces and says "too short" below 12, without waiting for the estimator', async () => {
    const { load } = fake(4);
    const { rerender } = render(<PasswordStrength password="🦊🌲🍄🌙🪵🦉🌾🐚🪨🍂🌊" loadEstimator={load} />);
    expect(screen.getByTestId('password-strength-label').textContent).toBe('Strength: Too short · 11 of at least 12 characters');
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('0');
    rerender(<PasswordStrength password="🦊🌲🍄🌙🪵🦉🌾🐚🪨🍂🌊🐝" loadEstimator={load} />);
    await screen.findByText('Strength: Strong');
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('4');
  });

  it('passes context words to the estimator and says nothing alarming for an empty field', async () => {
    const { load, estimate } = fake(3);
    const { rerender } = render(<PasswordStrength password="" loadEstimator={load} userInputs={['jane@example.org']} />);
    expect(screen.getByTestId('password-strength-label').textContent).toBe('Strength: Enter a password');
    rerender(<PasswordStrength password="quiet otter jams" loadEstimator={load} userInputs={['jane@example.org']} />);
    await screen.findByText('Strength: Good');
    expect(estimate).toHaveBeenCalledWith('quiet otter jams', ['jane@example.org']);
  });

  it('loads the real zxcvbn lazily and rates a common password low and a passphrase high', async () => {
    const estimate = await loadZxcvbn();
    expect(estimate('password1234', []).score).toBeLessThanOrEqual(1);
    expect(estimate('quiet otter jams tundra', []).score).toBeGreaterThanOrEqual(3);
    render(<PasswordStrength password="password1234" />);
    await waitFor(() => expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('1'));
    expect(screen.getByTestId('password-strength-suggestions').textContent).not.toBe('');
  });
});
