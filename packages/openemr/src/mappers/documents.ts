import type { DocumentReference } from '@medplum/fhirtypes';
import type { DocumentSummary } from '@portico/contracts';
import { fhirDateTimeToInstantStrict } from '@portico/domain';
import { conceptText } from './util';

/** OpenEMR marks deleted documents entered-in-error and still lists them; a patient must not see them. */
export function isVisibleDocument(d: DocumentReference): boolean {
  return d.status !== 'entered-in-error' && binaryIdOf(d) !== null;
}

export function documentFrom(d: DocumentReference, timeZone: string): DocumentSummary | null {
  if (!d.id || !isVisibleDocument(d)) return null;
  const att = d.content?.[0]?.attachment;
  return {
    id: d.id,
    title: att?.title ?? d.description ?? 'Document',
    category: d.category?.map((c) => conceptText(c)).find((x): x is string => !!x) ?? null,
    contentType: att?.contentType ?? 'application/octet-stream',
    createdAt: d.date ? fhirDateTimeToInstantStrict(d.date, timeZone) : null,
  };
}

/** content[0].attachment.url is {base}/fhir/Binary/{uuid}. */
export function binaryIdOf(d: DocumentReference): string | null {
  for (const c of d.content ?? []) {
    const m = /\/Binary\/([^/?#]+)$/.exec(c.attachment?.url ?? '');
    if (m?.[1]) return m[1];
  }
  return null;
}

/** A safe download name: no path separators or control characters. */
export function safeFilename(title: string | undefined, fallback: string): string {
  const t = (title ?? '').replace(/[/\\\r\n\t\0"]/g, '_').trim();
  return t === '' ? fallback : t.slice(0, 200);
}
