import type { Allergy } from '@portico/contracts';

type AllergyLevel = Pick<Allergy, 'severity' | 'criticality'>;

/** "mild_to_moderate" or "MODERATE" reads "Mild to moderate" / "Moderate". */
function humanize(word: string): string {
  const text = word.trim().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A severe allergy: a severe (or worse) reaction, or a high criticality (high risk of a serious reaction next time).
 * OpenEMR writes severities such as "severe", "moderate_to_severe", "life_threatening_severity" and "fatal".
 */
export function isSevereAllergy(a: AllergyLevel): boolean {
  const severity = a.severity?.toLowerCase() ?? '';
  return /severe|life.?threatening|fatal/.test(severity) || a.criticality?.trim().toLowerCase() === 'high';
}

/** The severity in words, or null when the clinic recorded none. A severe allergy always reads "Severe". */
export function allergySeverityLabel(a: AllergyLevel): string | null {
  if (isSevereAllergy(a)) return 'Severe';
  return a.severity?.trim() ? humanize(a.severity) : null;
}

/** Reactions as one phrase, e.g. "Hives, swelling", or null when none are recorded. */
export function formatReactions(reactions: string[]): string | null {
  const words = reactions.map((r) => r.trim()).filter(Boolean);
  if (words.length === 0) return null;
  const text = words.join(', ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Severe allergies first, then as the clinic listed them. */
export function severeFirst<T extends AllergyLevel>(items: T[]): T[] {
  return [...items].sort((a, b) => Number(isSevereAllergy(b)) - Number(isSevereAllergy(a)));
}
