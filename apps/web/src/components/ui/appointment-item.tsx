import type { Appointment } from '@portico/contracts';
import type { ReactElement } from 'react';
import { appointmentStatusLabel } from '../../lib/format';
import { Badge } from './badge';
import { ClinicTime } from './clinic-time';

const TONE: Partial<Record<Appointment['status'], 'danger' | 'success' | 'neutral'>> = {
  cancelled: 'danger', noshow: 'danger', fulfilled: 'success', waitlist: 'neutral',
};

const clean = (text: string | null): string | null => (text?.trim() ? text.trim() : null);

/**
 * One appointment as a list item: its type as the title (or "Appointment"), the time, who and where, and the clinic's
 * comment as a quiet line. The status badge always sits at the top right, beside the title, whatever its length.
 */
export function AppointmentItem({ appointment: a, timeZone }: { appointment: Appointment; timeZone: string }): ReactElement {
  const type = clean(a.type);
  const comment = clean(a.comment);
  const where = [clean(a.provider) && `With ${clean(a.provider)}`, clean(a.location)].filter(Boolean).join(' · ');
  return (
    <li className="py-3 first:pt-0 last:pb-0" data-testid="appointment">
      <div className="flex items-start justify-between gap-3">
        <p className="min-w-0 font-semibold text-slate-900" data-testid="appointment-title">{type ?? 'Appointment'}</p>
        <span className="shrink-0" data-testid="appointment-status">
          <Badge tone={TONE[a.status] ?? 'info'}>{appointmentStatusLabel(a.status)}</Badge>
        </span>
      </div>
      <div className="mt-1 space-y-0.5">
        <ClinicTime instant={a.start} timeZone={timeZone} />
        {where && <p className="text-sm text-slate-800">{where}</p>}
        {comment && <p className="text-sm text-slate-600" data-testid="appointment-comment">{comment}</p>}
      </div>
    </li>
  );
}
