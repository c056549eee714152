import type { AccessLogEntry } from '@portico/contracts';
import type { ReactElement } from 'react';
import { QueryView } from '../../../components/ui/query-view';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Table, type Column } from '../../../components/ui/table';
import { formatDateTime } from '../../../lib/format';
import { useClinicTimeZone } from '../../../lib/session';
import { useAccessLog } from '../api/get-access-log';

const ACTORS: Record<AccessLogEntry['actor'], string> = {
  you: 'You', patient: 'Another patient account', proxy: 'Someone you gave access to', staff: 'Clinic staff', system: 'Portico (automatic)', unknown: 'Unknown (not signed in)',
};

const CATEGORIES: Record<string, string> = {
  dashboard: 'Home page summary', 'lab-results': 'Lab results', vitals: 'Vitals', medications: 'Medications', allergies: 'Allergies',
  problems: 'Health problems', immunizations: 'Immunizations', documents: 'Document list', document: 'A document', appointments: 'Appointments',
  'access-log': 'This access log', session: 'Sign-in', route: 'Portal page', demographics: 'Your name and details',
  sessions: 'Your signed-in devices',
};

const ACTIONS: Record<string, string> = {
  read: 'Viewed', download: 'Downloaded', query: 'Viewed', login: 'Signed in', login_fail: 'Failed sign-in', logout: 'Signed out', authz_denied: 'Refused access',
};

export const actorLabel = (a: AccessLogEntry['actor']): string => ACTORS[a];
export const categoryLabel = (c: string | null): string => (c ? (CATEGORIES[c] ?? c.replace(/-/g, ' ')) : '—');
export const actionLabel = (a: string): string => ACTIONS[a] ?? a.replace(/_/g, ' ');

function OutcomeBadge({ outcome }: { outcome: AccessLogEntry['outcome'] }): ReactElement {
  if (outcome === 'success') return <Badge tone="success">Allowed</Badge>;
  if (outcome === 'denied') return <Badge tone="warning">Refused</Badge>;
  return <Badge>Failed</Badge>;
}

export function AccessLogPage(): ReactElement {
  const log = useAccessLog();
  const tz = useClinicTimeZone();
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: Column<AccessLogEntry>[] = [
    { header: 'When (clinic time)', rowHeader: true, cell: (r) => <time dateTime={r.at}>{formatDateTime(r.at, tz)}</time> },
    { header: 'Who', cell: (r) => actorLabel(r.actor) },
    { header: 'What', cell: (r) => (r.category === 'session' || !r.category ? actionLabel(r.action) : `${actionLabel(r.action)}: ${categoryLabel(r.category)}`) },
    { header: 'Result', cell: (r) => <OutcomeBadge outcome={r.outcome} /> },
  ];
  return (
    <>
      <PageHeader title="Who accessed my record"
        description="Every time your health information is viewed or downloaded through the portal, and every sign-in to your account, newest first." />
      <QueryView query={log} lines={6} isEmpty={(data) => data.pages.every((p) => p.items.length === 0)} empty="No accesses recorded yet.">
        {() => (
          <Card>
            <Table caption="Accesses to your record, newest first" hideCaption columns={columns} rows={rows} rowKey={(r) => String(r.seq)} />
            {log.hasNextPage && (
              <div className="mt-4 flex justify-center">
                <Button variant="secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                  {log.isFetchingNextPage ? 'Loading…' : 'Show older entries'}
                </Button>
              </div>
            )}
          </Card>
        )}
      </QueryView>
    </>
  );
}
