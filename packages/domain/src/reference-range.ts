import type { ReferenceRange } from './types';

const NUM = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)`;
const BETWEEN = new RegExp(String.raw`^(${NUM})\s*(?:-|–|—|to)\s*(${NUM})\s*(.*)$`, 'i');
const ONE_SIDED = new RegExp(String.raw`^(<=|>=|≤|≥|<|>)\s*(${NUM})\s*(.*)$`);

/** Bounds with their strictness; the contract's ReferenceRange has no room for it, so flag derivation re-reads `text`. */
export interface RangeBounds {
  low: number | null;
  lowInclusive: boolean;
  high: number | null;
  highInclusive: boolean;
}

/**
 * Parses OpenEMR's free-text `procedure_result.range` ("3.5-5.1", "<200", ">= 60", "Negative"). Anything that is not
 * a numeric form is kept as a text range, never dropped: the patient should still see what the lab wrote.
 */
export function parseReferenceRange(raw: string | null | undefined, unit: string | null = null): ReferenceRange | null {
  const text = (raw ?? '').trim();
  if (text === '') return null;
  const bounds = parseRangeBounds(text);
  if (!bounds) return { low: null, high: null, text, unit };
  return { low: bounds.low, high: bounds.high, text, unit: unitFrom(text) ?? unit };
}

export function parseRangeBounds(text: string): RangeBounds | null {
  const t = text.trim().replace(/,(?=\d{3}\b)/g, '');
  const between = BETWEEN.exec(t);
  if (between && isUnitish(between[3] ?? '')) {
    const a = Number(between[1]);
    const b = Number(between[2]);
    return { low: Math.min(a, b), lowInclusive: true, high: Math.max(a, b), highInclusive: true };
  }
  const side = ONE_SIDED.exec(t);
  if (side && isUnitish(side[3] ?? '')) {
    const op = side[1];
    const n = Number(side[2]);
    if (op === '<' || op === '<=' || op === '≤') return { low: null, lowInclusive: false, high: n, highInclusive: op !== '<' };
    return { low: n, lowInclusive: op !== '>', high: null, highInclusive: false };
  }
  return null;
}

/** FHIR Observation.referenceRange[0]: OpenEMR fills low/high only; text is rebuilt so the UI has one shape to show. */
export function referenceRangeFromFhir(rr: {
  low?: { value?: number; unit?: string };
  high?: { value?: number; unit?: string };
  text?: string;
} | null | undefined): ReferenceRange | null {
  if (!rr) return null;
  const low = typeof rr.low?.value === 'number' ? rr.low.value : null;
  const high = typeof rr.high?.value === 'number' ? rr.high.value : null;
  const unit = rr.low?.unit ?? rr.high?.unit ?? null;
  if (rr.text && rr.text.trim() !== '') {
    const parsed = parseReferenceRange(rr.text, unit);
    if (parsed && (low !== null || high !== null) && parsed.low === null && parsed.high === null) return { ...parsed, low, high };
    return parsed;
  }
  if (low === null && high === null) return null;
  const text = low !== null && high !== null ? `${low}-${high}` : low !== null ? `>=${low}` : `<=${high}`;
  return { low, high, text, unit };
}

// "3.5-5.1 mmol/L" carries its own unit; a trailing word like "Negative" does not make a numeric range.
function isUnitish(rest: string): boolean {
  if (rest === '') return true;
  return /^[a-zA-Zµμ%[{*/]/.test(rest) && !/^(neg|pos|non|not|react|normal|abn)/i.test(rest);
}

function unitFrom(text: string): string | null {
  const m = BETWEEN.exec(text) ?? ONE_SIDED.exec(text);
  const rest = (m?.[3] ?? '').trim();
  return rest === '' ? null : rest;
}
