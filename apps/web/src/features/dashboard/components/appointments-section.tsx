import type { Appointment } from '@portico/contracts';
import type { ReactElement } from 'react';
import { AppointmentItem } from '../../../components/ui/appointment-item';
import { EmptyState } from '../../../components/ui/empty-state';

export function UpcomingAppointments({ items, timeZone }: { items: Appointment[]; timeZone: string }): ReactElement {
  const next = [...items].sort((a, b) => Date.parse(a.start) - Date.parse(b.start)).slice(0, 3);
  if (next.length === 0) return <EmptyState>No upcoming appointments.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-200" data-testid="upcoming-appointments">
      {next.map((a) => <AppointmentItem key={a.id} appointment={a} timeZone={timeZone} />)}
    </ul>
  );
}
