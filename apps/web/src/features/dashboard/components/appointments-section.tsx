import type { Appointment } from '@portico/contracts';
import type { ReactElement } from 'react';
import { Badge } from '../../../components/ui/badge';
import { ClinicTime } from '../../../components/ui/clinic-time';
import { EmptyState } from '../../../components/ui/empty-state';
import { appointmentStatusLabel } from '../../../lib/format';

export function UpcomingAppointments({ items, timeZone }: { items: Appointment[]; timeZone: string }): ReactElement {
  const next = [...items].sort((a, b) => Date.parse(a.start) - Date.parse(b.start)).slice(0, 3);
  if (next.length === 0) return <EmptyState>No upcoming appointments.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-200" data-testid="upcoming-appointments">
      {next.map((a) => (
        <li key={a.id} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <ClinicTime instant={a.start} timeZone={timeZone} />
            <Badge tone={a.status === 'cancelled' ? 'danger' : 'info'}>{appointmentStatusLabel(a.status)}</Badge>
          </div>
          <p className="text-sm text-slate-800">
            {[a.type, a.provider].filter(Boolean).join(' with ') || 'Appointment'}
          </p>
          {a.location && <p className="text-sm text-slate-700">{a.location}</p>}
        </li>
      ))}
    </ul>
  );
}
