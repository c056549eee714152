import { labTestKey, type LabResult } from '@portico/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { FlagBadge } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/empty-state';
import { formatDate, formatResultValue, isAbnormalFlag, resultUnit } from '../../../lib/format';

export function RecentResults({ items, timeZone }: { items: LabResult[]; timeZone: string }): ReactElement {
  const recent = [...items].sort((a, b) => Date.parse(b.effectiveAt) - Date.parse(a.effectiveAt)).slice(0, 6);
  if (recent.length === 0) return <EmptyState>No results yet.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-200" data-testid="recent-results">
      {recent.map((r) => {
        const abnormal = isAbnormalFlag(r.flag) || r.abnormal;
        const unit = resultUnit(r.value);
        // A result has no test key in the contract; the LOINC code is the key when there is one.
        const href = `/results/${encodeURIComponent(labTestKey(r))}`;
        return (
          <li key={r.id} className={`flex items-center justify-between gap-3 py-3 first:pt-0 last:pb-0 ${abnormal ? 'border-l-4 border-l-amber-500 pl-3' : ''}`}>
            <div className="min-w-0">
              <Link to={href} className="font-medium text-teal-800 underline-offset-2 hover:underline">{r.name}</Link>
              <p className="text-sm text-slate-700">
                <span className={abnormal ? 'font-semibold text-slate-900' : ''}>{formatResultValue(r.value)}</span>
                {unit ? ` ${unit}` : ''} · <time dateTime={r.effectiveAt}>{formatDate(r.effectiveAt, timeZone)}</time>
              </p>
            </div>
            <FlagBadge flag={r.flag} />
          </li>
        );
      })}
    </ul>
  );
}
