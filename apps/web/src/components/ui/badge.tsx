import type { ResultFlag } from '@portico/contracts';
import type { ReactElement, ReactNode } from 'react';
import { allergySeverityLabel, isSevereAllergy } from '../../lib/allergy';
import { flagLabel, flagTone } from '../../lib/format';
import type { FlagTone } from '../../lib/format';
import { Icon } from './icons';
import type { IconName } from './icons';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const TONES: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-800 ring-slate-300',
  info: 'bg-sky-50 text-sky-900 ring-sky-300',
  success: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  warning: 'bg-amber-50 text-amber-900 ring-amber-400',
  danger: 'bg-red-50 text-red-900 ring-red-400',
};

export function Badge({ tone = 'neutral', icon, children }: { tone?: Tone; icon?: IconName; children: ReactNode }): ReactElement {
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONES[tone]}`}>
      {icon && <Icon name={icon} className="h-3.5 w-3.5" />}
      {children}
    </span>
  );
}

const FLAG_STYLE: Record<FlagTone, { tone: Tone; icon: IconName }> = {
  normal: { tone: 'success', icon: 'check' },
  high: { tone: 'warning', icon: 'arrow-up' },
  low: { tone: 'warning', icon: 'arrow-down' },
  critical: { tone: 'danger', icon: 'alert' },
  abnormal: { tone: 'warning', icon: 'alert' },
};

/** A result flag as icon plus words, so colour is never the only signal. */
export function FlagBadge({ flag }: { flag: ResultFlag | null }): ReactElement {
  if (flag === null) return <span className="text-xs text-slate-600">No flag</span>;
  const { tone, icon } = FLAG_STYLE[flagTone(flag)];
  return (
    <Badge tone={tone} icon={icon}>
      {flagLabel(flag)}
    </Badge>
  );
}

/** An allergy's severity: a severe one as a red "Severe" badge with a warning icon, others as plain words. */
export function AllergySeverity({ severity, criticality }: { severity: string | null; criticality: string | null }): ReactElement {
  const label = allergySeverityLabel({ severity, criticality });
  if (isSevereAllergy({ severity, criticality })) {
    return <Badge tone="danger" icon="alert">{label}</Badge>;
  }
  return <span className="text-slate-800">{label ?? 'Not recorded'}</span>;
}
