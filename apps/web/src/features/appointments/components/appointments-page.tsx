import type { Appointment } from '@portico/contracts';
import type { ReactElement } from 'react';
import { AppointmentItem } from '../../../components/ui/appointment-item';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/spinner';
import { browserTimeZone } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { useAppointments } from '../api/get-appointments';

function AppointmentList({ items, timeZone, empty }: { items: Appointment[]; timeZone: string; empty: string }): ReactElement {
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="divide-y divide-slate-200">
      {items.map((a) => <AppointmentItem key={a.id} appointment={a} timeZone={timeZone} />)}
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
