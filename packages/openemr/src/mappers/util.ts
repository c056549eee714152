import type { CodeableConcept, Reference } from '@medplum/fhirtypes';

/** "Patient/abc", "https://host/apis/default/fhir/Patient/abc" -> "abc" (only for the given type). */
export function referenceId(ref: Reference | undefined, type: string): string | null {
  const r = ref?.reference;
  if (!r) return null;
  const m = new RegExp(`(?:^|/)${type}/([^/?#]+)$`).exec(r);
  return m?.[1] ?? null;
}

/** A readable name from a CodeableConcept; skips empty displays and data-absent-reason placeholders. */
export function conceptText(c: CodeableConcept | undefined): string | null {
  if (!c) return null;
  if (c.text?.trim()) return c.text.trim();
  for (const coding of c.coding ?? []) {
    if (coding.system?.includes('data-absent-reason')) continue;
    if (coding.display?.trim()) return coding.display.trim();
  }
  return null;
}

export function firstCode(c: CodeableConcept | undefined, systemIncludes?: string): string | null {
  for (const coding of c?.coding ?? []) {
    if (coding.system?.includes('data-absent-reason')) continue;
    if (systemIncludes && !coding.system?.includes(systemIncludes)) continue;
    if (coding.code) return coding.code;
  }
  return null;
}

/** OpenEMR puts the allergy's name only in the narrative; strip the XHTML. */
export function narrativeText(div: string | undefined): string | null {
  if (!div) return null;
  const t = div.replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

export const str = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
export const nonEmpty = (v: unknown): string | null => {
  const s = str(v)?.trim();
  return s ? s : null;
};
