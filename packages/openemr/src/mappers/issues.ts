import type { Allergy, Problem } from '@portico/contracts';
import { toCalendarDate } from '@portico/domain';

/**
 * OpenEMR's FHIR Condition and AllergyIntolerance (7.0.2) drop what a patient needs most: the problem's title
 * (ICD-10 codings come with an empty display), the allergy's reaction, severity and onset. The standard API's
 * `lists` rows (`api/patient/:puuid/medical_problem` and `/allergy`) keep them, under the same uuid.
 */
export interface IssueRow {
  uuid?: unknown;
  title?: unknown;
  begdate?: unknown;
  reaction?: unknown;
  severity_al?: unknown;
  pid?: unknown;
  puuid?: unknown;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const humanize = (v: string) => v.replace(/_/g, ' ');

export function indexIssues(rows: IssueRow[]): Map<string, IssueRow> {
  return new Map(rows.filter((r) => typeof r.uuid === 'string').map((r) => [r.uuid as string, r]));
}

export function enrichProblem(p: Problem, row: IssueRow | undefined): Problem {
  if (!row) return p;
  const title = text(row.title);
  return {
    ...p,
    // Prefer the clinician's title over a bare code; keep a real FHIR display if OpenEMR ever sends one.
    name: title && (p.name === p.code || !p.name) ? title : p.name,
    onsetOn: p.onsetOn ?? toCalendarDate(text(row.begdate)),
  };
}

export function enrichAllergy(a: Allergy, row: IssueRow | undefined): Allergy {
  if (!row) return a;
  const reaction = text(row.reaction);
  const severity = text(row.severity_al);
  return {
    ...a,
    substance: a.substance === 'Unknown substance' ? (text(row.title) ?? a.substance) : a.substance,
    reactions: a.reactions.length ? a.reactions : reaction ? [humanize(reaction)] : [],
    severity: a.severity ?? (severity ? humanize(severity) : null),
    recordedOn: a.recordedOn ?? toCalendarDate(text(row.begdate)),
  };
}
