import type { ReactElement } from 'react';
import { formatDateTime, localTimeIfDifferent } from '../../lib/format';

/** An appointment time in the clinic's zone, plus the patient's own time when that reads differently. */
export function ClinicTime({ instant, timeZone }: { instant: string; timeZone: string }): ReactElement {
  const local = localTimeIfDifferent(instant, timeZone);
  return (
    <span className="flex flex-col">
      <time dateTime={instant} className="font-medium text-slate-900">
        {formatDateTime(instant, timeZone)} <span className="font-normal text-slate-700">(clinic time)</span>
      </time>
      {local && <span className="text-sm text-slate-700">Your time: {local}</span>}
    </span>
  );
}
