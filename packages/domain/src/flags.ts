import { parseRangeBounds } from './reference-range';
import type { Comparator, ReferenceRange, ResultFlag, ResultValue } from './types';

// OpenEMR's proc_res_abnormal list (no/yes/high/low/vhigh/vlow), already-coded flags, and v3 ObservationInterpretation.
const CODES: Record<string, ResultFlag> = {
  no: 'N', normal: 'N', n: 'N',
  yes: 'A', abnormal: 'A', a: 'A', aa: 'A',
  high: 'H', h: 'H', 'h>': 'HH', hu: 'HH', hh: 'HH', vhigh: 'HH', 'very high': 'HH', 'critical high': 'HH',
  low: 'L', l: 'L', 'l<': 'LL', lu: 'LL', ll: 'LL', vlow: 'LL', 'very low': 'LL', 'critical low': 'LL',
};

/** A flag OpenEMR recorded, or null when it recorded none ("" / null) or something this code does not know. */
export function flagFromCode(code: string | null | undefined): ResultFlag | null {
  if (code === null || code === undefined) return null;
  const key = code.trim().toLowerCase();
  if (key === '') return null;
  return CODES[key] ?? null;
}

/** FHIR Observation.interpretation: the first coding this code understands wins. */
export function flagFromInterpretation(
  interpretation: ReadonlyArray<{ coding?: ReadonlyArray<{ code?: string }>; text?: string }> | null | undefined,
): ResultFlag | null {
  for (const concept of interpretation ?? []) {
    for (const coding of concept.coding ?? []) {
      const f = flagFromCode(coding.code);
      if (f) return f;
    }
    const f = flagFromCode(concept.text);
    if (f) return f;
  }
  return null;
}

/**
 * Derives a flag from value and range when OpenEMR recorded none. Returns null whenever the answer is not certain
 * (no range, a number against a text range, a censored value straddling a limit): no flag beats a wrong one.
 */
export function deriveFlag(value: ResultValue, range: ReferenceRange | null): ResultFlag | null {
  if (!range || value.kind === 'none') return null;
  const bounds = range.low !== null || range.high !== null ? boundsOf(range) : null;
  if (value.kind === 'text') {
    if (bounds) return null;
    return sameTextResult(value.text, range.text) ? 'N' : 'A';
  }
  if (!bounds) return null;
  return compareQuantity(value.numeric, value.comparator, bounds);
}

export function isAbnormal(flag: ResultFlag | null): boolean {
  return flag !== null && flag !== 'N';
}

export function isCritical(flag: ResultFlag | null): boolean {
  return flag === 'HH' || flag === 'LL';
}

export interface Interpretation {
  flag: ResultFlag | null;
  abnormal: boolean;
  critical: boolean;
}

/** The recorded flag wins; otherwise one is derived. */
export function interpretResult(recorded: ResultFlag | null, value: ResultValue, range: ReferenceRange | null): Interpretation {
  const flag = recorded ?? deriveFlag(value, range);
  return { flag, abnormal: isAbnormal(flag), critical: isCritical(flag) };
}

type Bounds = NonNullable<ReturnType<typeof parseRangeBounds>>;

function boundsOf(range: ReferenceRange): Bounds {
  const fromText = parseRangeBounds(range.text);
  if (fromText && fromText.low === range.low && fromText.high === range.high) return fromText;
  return { low: range.low, lowInclusive: true, high: range.high, highInclusive: true };
}

const above = (v: number, limit: number, inclusive: boolean) => (inclusive ? v > limit : v >= limit);
const below = (v: number, limit: number, inclusive: boolean) => (inclusive ? v < limit : v <= limit);

function compareQuantity(v: number, comparator: Comparator | null, b: Bounds): ResultFlag | null {
  const { low, high } = b;
  if (comparator === null) {
    if (high !== null && above(v, high, b.highInclusive)) return 'H';
    if (low !== null && below(v, low, b.lowInclusive)) return 'L';
    return 'N';
  }
  if (comparator === '<' || comparator === '<=') {
    // The true value lies somewhere at or below v. Lab quantities are not negative, so a range starting at 0 (or
    // with no lower limit) is satisfied by any value under the upper limit: "<0.01" against 0-0.04 is normal.
    if (high !== null && v > high) return null;
    if (low === null || low <= 0) return 'N';
    if (v <= low) return 'L';
    return null;
  }
  // ">90" against ">60": the true value is above 90, hence above 60.
  if (low !== null && v < low) return null;
  if (high === null) return 'N';
  if (v >= high) return 'H';
  return null;
}

const TEXT_SYNONYMS: Record<string, string> = {
  neg: 'negative', negative: 'negative', 'not detected': 'negative', none: 'negative', 'none detected': 'negative',
  nonreactive: 'nonreactive', 'non reactive': 'nonreactive', 'non-reactive': 'nonreactive', nr: 'nonreactive',
  pos: 'positive', positive: 'positive', detected: 'positive', reactive: 'reactive',
  normal: 'normal', wnl: 'normal', 'within normal limits': 'normal', clear: 'clear', yellow: 'yellow',
};

function sameTextResult(value: string, range: string): boolean {
  const norm = (s: string) => {
    const k = s.trim().toLowerCase().replace(/[.\s]+$/g, '').replace(/\s+/g, ' ');
    return TEXT_SYNONYMS[k] ?? k;
  };
  return norm(value) === norm(range);
}
