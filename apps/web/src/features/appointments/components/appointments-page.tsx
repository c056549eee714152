import type { Appointment } from '@portico/contracts';
import type { ReactElement } from 'react';
import { QueryView } from '../../../components/ui/query-view';
import { AppointmentItem } from '../../../components/ui/appointment-item';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { browserTimeZone } from '../../../lib/format';
import { useClinicTimeZone } from '../../../lib/session';
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
  const tz = useClinicTimeZone();
  const local = browserTimeZone();
  return (
    <>
      <PageHeader title="Appointments"
        description={`Times are shown in the clinic's time zone (${tz.replace(/_/g, ' ')})${local !== tz ? ', with your own time below when it differs' : ''}.`} />
      <QueryView query={appointments} lines={5}>
        {(data) => (
          <div className="space-y-5">
            <Card title="Upcoming">
              <AppointmentList timeZone={tz} empty="No upcoming appointments."
                items={[...data.upcoming].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))} />
            </Card>
            <Card title="Past">
              <AppointmentList timeZone={tz} empty="No past appointments."
                items={[...data.past].sort((a, b) => Date.parse(b.start) - Date.parse(a.start))} />
            </Card>
          </div>
        )}
      </QueryView>
    </>
  );
}
