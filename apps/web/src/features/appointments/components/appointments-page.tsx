import type { Appointment } from '@portico/contracts';
import type { ReactElement } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { ClinicTime } from '../../../components/ui/clinic-time';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/spinner';
import { appointmentStatusLabel, browserTimeZone } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { useAppointments } from '../api/get-appointments';

const TONE: Partial<Record<Appointment['status'], 'danger' | 'success' | 'neutral'>> = {
  cancelled: 'danger', noshow: 'danger', fulfilled: 'success', waitlist: 'neutral',
};

function AppointmentList({ items, timeZone, empty }: { items: Appointment[]; timeZone: string; empty: string }): ReactElement {
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="divide-y divide-slate-200">
      {items.map((a) => (
        <li key={a.id} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <ClinicTime instant={a.start} timeZone={timeZone} />
            <Badge tone={TONE[a.status] ?? 'info'}>{appointmentStatusLabel(a.status)}</Badge>
          </div>
          <p className="text-sm text-slate-800">{[a.type, a.provider].filter(Boolean).join(' with ') || 'Appointment'}</p>
          {a.location && <p className="text-sm text-slate-700">{a.location}</p>}
          {a.comment && <p className="text-sm text-slate-700">{a.comment}</p>}
        </li>
      ))}
    </ul>
  );
}

export function AppointmentsPage(): ReactElement {
  const appointments = useAppointments();
  const me = useMe();
  const tz = me.data?.clinicTimeZone ?? 'UTC';
  const local = browserTimeZone();
  return (
    <>
      <PageHeader title="Appointments"
        description={`Times are shown in the clinic's time zone (${tz.replace(/_/g, ' ')})${local !== tz ? ', with your own time below when it differs' : ''}.`} />
      {appointments.isPending ? (
        <Skeleton lines={5} />
      ) : appointments.isError ? (
        <ErrorPanel error={appointments.error} onRetry={() => void appointments.refetch()} retrying={appointments.isFetching} />
      ) : (
        <div className="space-y-5">
          <Card title="Upcoming">
            <AppointmentList timeZone={tz} empty="No upcoming appointments."
              items={[...appointments.data.upcoming].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))} />
          </Card>
          <Card title="Past">
            <AppointmentList timeZone={tz} empty="No past appointments."
              items={[...appointments.data.past].sort((a, b) => Date.parse(b.start) - Date.parse(a.start))} />
          </Card>
        </div>
      )}
    </>
  );
}
