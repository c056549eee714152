import type { DocumentSummary } from '@portico/contracts';
import type { ReactElement } from 'react';
import { QueryView } from '../../../components/ui/query-view';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { Icon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { formatDate } from '../../../lib/format';
import { useClinicTimeZone } from '../../../lib/session';
import { documentContentUrl, useDocuments } from '../api/get-documents';

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'text/plain': 'Text',
  'text/html': 'Web page',
  'application/xml': 'XML',
  'text/xml': 'XML',
};

export function documentTypeLabel(contentType: string): string {
  const base = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return TYPE_LABELS[base] ?? (base.split('/')[1]?.toUpperCase() || 'File');
}

function DocumentRow({ doc, timeZone }: { doc: DocumentSummary; timeZone: string }): ReactElement {
  return (
    <li className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 items-start gap-3">
        <Icon name="file" className="mt-0.5 h-5 w-5 shrink-0 text-slate-600" />
        <div className="min-w-0">
          <p className="font-semibold break-words text-slate-900">{doc.title}</p>
          <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            {doc.category && <Badge>{doc.category}</Badge>}
            <span className="whitespace-nowrap">
              {documentTypeLabel(doc.contentType)}
              <span aria-hidden="true"> · </span>
              {doc.createdAt ? <time dateTime={doc.createdAt}>{formatDate(doc.createdAt, timeZone)}</time> : 'Date unknown'}
            </span>
          </p>
        </div>
      </div>
      <a href={documentContentUrl(doc.id)} download
        className="inline-flex min-h-11 ml-8 shrink-0 items-center justify-center gap-2 self-start rounded-md sm:ml-0 border border-slate-400 bg-white px-4 text-sm font-semibold text-teal-800 hover:bg-slate-100 sm:self-center">
        <Icon name="download" className="h-4 w-4" />
        Download<span className="sr-only"> {doc.title}</span>
      </a>
    </li>
  );
}

export function DocumentsPage(): ReactElement {
  const documents = useDocuments();
  const tz = useClinicTimeZone();
  return (
    <>
      <PageHeader title="Documents" description="Letters, reports and other files your clinic has shared with you." />
      <QueryView query={documents} lines={5} isEmpty={(data) => data.items.length === 0} empty="No documents yet.">
        {(data) => (
          <Card>
            <ul className="divide-y divide-slate-200" aria-label="Documents">
              {[...data.items]
                .sort((a, b) => Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? '') || 0)
                .map((d) => <DocumentRow key={d.id} doc={d} timeZone={tz} />)}
            </ul>
          </Card>
        )}
      </QueryView>
    </>
  );
}
