import { VitalKind } from '@portico/contracts';
import type { HealthSummary } from '@portico/contracts';
import type { ReactElement, ReactNode } from 'react';
import { AllergySeverity } from '../../../components/ui/badge';
import { allergySeverityLabel, formatReactions, isSevereAllergy, severeFirst } from '../../../lib/allergy';
import { formatDate, formatVitalValue, vitalLabel } from '../../../lib/format';

function Group({ title, empty, children }: { title: string; empty: string; children: ReactNode[] }): ReactElement {
  return (
    <div>
      <h3 className="mb-1.5 text-sm font-semibold uppercase tracking-wide text-slate-700">{title}</h3>
      {children.length === 0 ? (
        <p className="text-sm text-slate-700">{empty}</p>
      ) : (
        <ul className="space-y-1 text-sm text-slate-900">{children}</ul>
      )}
    </div>
  );
}

export function HealthSummaryView({ summary, timeZone }: { summary: HealthSummary; timeZone: string }): ReactElement {
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Group title="Active problems" empty="No active problems recorded.">
        {summary.activeProblems.map((p) => <li key={p.id}>{p.name}</li>)}
      </Group>
      <Group title="Medications" empty="No active medications.">
        {summary.activeMedications.map((m) => (
          <li key={m.id}>{m.name}{m.dosage && <span className="text-slate-700"> · {m.dosage}</span>}</li>
        ))}
      </Group>
      <Group title="Allergies" empty="No known allergies.">
        {severeFirst(summary.allergies).map((a) => {
          const severe = isSevereAllergy(a);
          const reactions = formatReactions(a.reactions);
          const label = allergySeverityLabel(a);
          return (
            <li key={a.id} data-severe={severe || undefined}
              className={severe ? 'rounded-md border border-red-300 bg-red-50 px-2.5 py-1.5' : ''}>
              <span className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                <span className={severe ? 'font-semibold' : ''}>{a.substance}</span>
                {severe && <AllergySeverity severity={a.severity} criticality={a.criticality} />}
              </span>
              {(reactions || (!severe && label)) && (
                <span className="block text-slate-700">
                  {[reactions, severe ? null : label].filter(Boolean).join(' · ')}
                </span>
              )}
            </li>
          );
        })}
      </Group>
      <Group title="Latest vitals" empty="No vitals recorded.">
        {[...summary.latestVitals].sort((a, b) => VitalKind.options.indexOf(a.kind) - VitalKind.options.indexOf(b.kind)).map((v) => (
          <li key={v.id} className="flex justify-between gap-3">
            <span>{vitalLabel(v.kind)}</span>
            <span className="text-right">
              <span className="font-medium">{formatVitalValue(v.value, v.secondary, v.unit)}</span>
              <span className="block text-xs text-slate-700">{formatDate(v.effectiveAt, timeZone)}</span>
            </span>
          </li>
        ))}
      </Group>
    </div>
  );
}
