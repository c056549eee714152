import type { DocumentSummary } from '@portico/contracts';
import type { ReactElement } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Icon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/spinner';
import { formatDate } from '../../../lib/format';
import { useMe } from '../../../lib/session';
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
  const me = useMe();
  const tz = me.data?.clinicTimeZone ?? 'UTC';
  return (
    <>
      <PageHeader title="Documents" description="Letters, reports and other files your clinic has shared with you." />
      {documents.isPending ? (
        <Skeleton lines={5} />
      ) : documents.isError ? (
        <ErrorPanel error={documents.error} onRetry={() => void documents.refetch()} retrying={documents.isFetching} />
      ) : documents.data.items.length === 0 ? (
        <EmptyState>No documents yet.</EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-200" aria-label="Documents">
            {[...documents.data.items]
              .sort((a, b) => Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? '') || 0)
              .map((d) => <DocumentRow key={d.id} doc={d} timeZone={tz} />)}
          </ul>
        </Card>
      )}
    </>
  );
}
