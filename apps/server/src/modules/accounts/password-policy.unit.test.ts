import { describe, expect, it } from 'vitest';
import { checkPassword, passwordLength } from './password-policy';
import { AccountInputError, validateAccountInput } from './service';

const codes = (pw: string, ctx = {}) => checkPassword(pw, ctx).reasons.map((r) => r.code);

describe('password policy', () => {
  it('AUTH-01: 11 code points are refused, 12 accepted, counted in code points (emoji, CJK) after collapsing space runs', () => {
    expect(codes('fjord-lichx')).toEqual(['too_short']);
    expect(checkPassword('fjord-lichen').ok).toBe(true);
    // Emoji are 2 UTF-16 units but 1 code point each.
    const emoji11 = '🦊🌲🍄🌙🪵🦉🌾🐚🪨🍂🌊';
    expect([...emoji11]).toHaveLength(11);
    expect(emoji11.length).toBe(22);
    expect(codes(emoji11)).toContain('too_short');
    expect(checkPassword(`${emoji11}🐝`).ok).toBe(true);
    const cjk11 = '青い森の奥で鹿が静かに';
    expect([...cjk11]).toHaveLength(11);
    expect(codes(cjk11)).toContain('too_short');
    expect(checkPassword(`${cjk11}眠`).ok).toBe(true);
    // Runs of spaces count once: 10 visible characters plus 5 spaces is 11.
    expect(passwordLength('fjord     lich')).toBe(10);
    expect(codes('fjord     lichx')).toEqual(['too_short']);
    expect(checkPassword('fjord     lichen').ok).toBe(true);
  });

  it('AUTH-02: more than 128 code points is refused (never truncated); 64 and 128 are fine', () => {
    const base = 'quartz lantern velvet orchard ';
    const of = (n: number) => base.repeat(10).slice(0, n - 1) + 'Z';
    expect(checkPassword(of(64)).reasons.map((r) => r.code)).not.toContain('too_long');
    expect(checkPassword(of(128)).reasons.map((r) => r.code)).not.toContain('too_long');
    expect(codes(of(129))).toEqual(['too_long']);
    expect(() => validateAccountInput({ email: 'a@b.example', password: of(129) })).toThrow(AccountInputError);
  });

  it('AUTH-04: a 16-character all-lowercase passphrase is accepted (no composition rules)', () => {
    const r = checkPassword('quiet otter jams');
    expect(r).toMatchObject({ ok: true, reasons: [] });
    expect(r.score).toBeGreaterThanOrEqual(3);
    expect(checkPassword('glacierpinecomet').ok).toBe(true);
  });

  it('AUTH-05: common, repetitive and sequential passwords and context words are refused with a reason code and message', () => {
    const ctx = { clinicName: 'Portico Demo Clinic', email: 'jane.roe@example.org', names: ['Jane Roe'] };
    expect(codes('password1234', ctx)).toContain('common_password');
    expect(codes('Portico Demo Clinic2025!', ctx)).toContain('context_word');
    expect(codes('PorticoDemoClinic2025!', ctx)).toContain('context_word');
    expect(codes('jane.roe@example.org', ctx)).toContain('context_word');
    expect(codes('jane.roe1975!!', ctx)).toContain('context_word');
    expect(codes('aaaaaaaaaaaaaaaa')).toContain('repetitive');
    expect(codes('abcdefghijklmn')).toContain('sequential');
    expect(codes('qwertyuiop[]')).toEqual(expect.arrayContaining([expect.stringMatching(/sequential|common_password/)]));
    const r = checkPassword('password1234', ctx);
    expect(r.ok).toBe(false);
    expect(r.reasons[0]!.message).toMatch(/common/i);
    expect(r.feedback.suggestions.length).toBeGreaterThan(0);
    // The account validation reports the same reasons.
    try {
      validateAccountInput({ email: 'jane.roe@example.org', password: 'jane.roe@example.org' });
      expect.unreachable();
    } catch (err) {
      expect((err as AccountInputError).reasons.map((x) => x.code)).toContain('context_word');
    }
    // A strong passphrase that merely contains a short context word passes.
    expect(checkPassword('Test-demo-passphrase-2026', ctx).ok).toBe(true);
    expect(checkPassword('violet clinic harbor teaspoon', ctx).ok).toBe(true);
  });
});
