import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

/**
 * Portico's password policy (SECURITY-REQUIREMENTS AUTH-01..AUTH-05), shipped with Portico (no network):
 * 12..128 code points after NFKC and collapsing runs of spaces, no composition rules, never truncated, and a
 * blocklist: zxcvbn's common-password dictionaries, repetitive/sequential/keyboard patterns, and context words
 * (clinic name, email, the patient's name). Pure: usable by registration, activation, reset and change routes.
 */
export const PASSWORD_MIN_CODE_POINTS = 12;
export const PASSWORD_MAX_CODE_POINTS = 128;

export type PasswordReasonCode = 'too_short' | 'too_long' | 'common_password' | 'repetitive' | 'sequential' | 'context_word';

export interface PasswordContext {
  /** The clinic's name (config). */
  clinicName?: string;
  /** The account's email; both the whole address and its local part are context words. */
  email?: string;
  /** The patient's names, when known. */
  names?: string[];
}

export interface PasswordCheck {
  ok: boolean;
  reasons: { code: PasswordReasonCode; message: string }[];
  /** zxcvbn's 0..4 (informative only: the blocklist decides, not the score). */
  score: 0 | 1 | 2 | 3 | 4;
  feedback: { warning: string | null; suggestions: string[] };
}

const MESSAGES: Record<PasswordReasonCode, string> = {
  too_short: `Use at least ${PASSWORD_MIN_CODE_POINTS} characters. A few unrelated words make a good passphrase.`,
  too_long: `Use at most ${PASSWORD_MAX_CODE_POINTS} characters.`,
  common_password: 'This password is on a list of commonly used passwords. Choose something less common.',
  repetitive: 'Avoid repeated characters or words (like "aaaa" or "abcabc").',
  sequential: 'Avoid sequences and keyboard patterns (like "1234", "abcd" or "qwerty").',
  context_word: 'Do not base your password on your name, your email address or the clinic\'s name.',
};

export const normalizePasswordInput = (password: string): string => password.normalize('NFKC');
/** The length the policy counts: code points after collapsing runs of spaces. */
export const passwordLength = (password: string): number => [...normalizePasswordInput(password).replace(/ {2,}/g, ' ')].length;

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
  });
  return factory;
}

const letters = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function contextTerms(ctx: PasswordContext): string[] {
  const terms = new Set<string>();
  const add = (s: string | undefined) => {
    const t = s ? letters(s) : '';
    if (t.length >= 3) terms.add(t);
  };
  add(ctx.clinicName);
  for (const w of ctx.clinicName?.split(/\s+/) ?? []) add(w);
  if (ctx.email) {
    add(ctx.email);
    add(ctx.email.split('@')[0]);
  }
  for (const n of ctx.names ?? []) {
    add(n);
    for (const w of n.split(/\s+/)) add(w);
  }
  return [...terms];
}

/** A context term that makes up half or more of the password's letters and digits. */
function hasContextWord(password: string, terms: string[]): boolean {
  const p = letters(password);
  if (!p) return false;
  return terms.some((t) => p.includes(t) && t.length * 2 >= p.length);
}

/** A single weak zxcvbn match that covers half or more of the password. */
function weakPattern(result: ZxcvbnResult, length: number): PasswordReasonCode | null {
  let best: { code: PasswordReasonCode; size: number } | null = null;
  for (const m of result.sequence) {
    const size = m.j - m.i + 1;
    let code: PasswordReasonCode | null = null;
    if (m.pattern === 'dictionary' && String(m.dictionaryName).startsWith('passwords')) code = 'common_password';
    else if (m.pattern === 'repeat') code = 'repetitive';
    else if (m.pattern === 'sequence' || m.pattern === 'spatial') code = 'sequential';
    if (code && size * 2 >= length && (!best || size > best.size)) best = { code, size };
  }
  return best?.code ?? null;
}

export function checkPassword(password: string, context: PasswordContext = {}): PasswordCheck {
  const pw = normalizePasswordInput(password);
  const reasons: PasswordCheck['reasons'] = [];
  const reject = (code: PasswordReasonCode) => reasons.push({ code, message: MESSAGES[code] });
  const length = passwordLength(pw);
  if (length < PASSWORD_MIN_CODE_POINTS) reject('too_short');
  // Never truncate, and never hand zxcvbn an unbounded input.
  if ([...pw].length > PASSWORD_MAX_CODE_POINTS) {
    reject('too_long');
    return { ok: false, reasons, score: 0, feedback: { warning: null, suggestions: [] } };
  }
  const terms = contextTerms(context);
  const result = zxcvbn().check(pw, terms);
  if (hasContextWord(pw, terms)) reject('context_word');
  const weak = weakPattern(result, [...pw].length);
  if (weak) reject(weak);
  const suggestions = [...result.feedback.suggestions];
  if (reasons.length && !suggestions.length) suggestions.push('Add another word or two that are less common.');
  return { ok: reasons.length === 0, reasons, score: result.score, feedback: { warning: result.feedback.warning, suggestions } };
}
