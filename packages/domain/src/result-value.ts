import type { Comparator, ResultValue } from './types';

const QUANTITY = /^(<=|>=|≤|≥|<|>)?\s*([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+)$/;

/**
 * Parses a raw result string as the lab wrote it. `text` is always the original string, so "<0.01" is shown as
 * "<0.01" and never as 0; `numeric` is only what can be plotted. "1+" and "Positive" are text, not numbers.
 */
export function parseResultValue(raw: string | number | null | undefined, unit: string | null = null): ResultValue {
  if (raw === null || raw === undefined) return { kind: 'none' };
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? { kind: 'quantity', numeric: raw, comparator: null, text: String(raw), unit } : { kind: 'none' };
  }
  const text = raw.trim();
  if (text === '') return { kind: 'none' };
  const m = QUANTITY.exec(text);
  if (!m) return { kind: 'text', text };
  const numeric = Number((m[2] ?? '').replace(/,/g, ''));
  if (!Number.isFinite(numeric)) return { kind: 'text', text };
  return { kind: 'quantity', numeric, comparator: normaliseComparator(m[1]), text, unit };
}

function normaliseComparator(op: string | undefined): Comparator | null {
  switch (op) {
    case '<': return '<';
    case '<=': case '≤': return '<=';
    case '>': return '>';
    case '>=': case '≥': return '>=';
    default: return null;
  }
}
