import type { LabTestHistory } from '@portico/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { QueryView } from '../../../components/ui/query-view';
import { FlagBadge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { Icon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { formatDate, formatResultValue, isAbnormalFlag, resultUnit } from '../../../lib/format';
import { useClinicTimeZone } from '../../../lib/session';
import { useResults } from '../api/get-results';

function TestRow({ test, timeZone }: { test: LabTestHistory; timeZone: string }): ReactElement {
  const latest = [...test.results].sort((a, b) => Date.parse(b.effectiveAt) - Date.parse(a.effectiveAt))[0];
  const abnormal = latest ? isAbnormalFlag(latest.flag) || latest.abnormal : false;
  const unit = latest ? resultUnit(latest.value) ?? test.unit : test.unit;
  return (
    <li className={`py-3 first:pt-0 last:pb-0 ${abnormal ? 'border-l-4 border-l-amber-500 pl-3' : ''}`}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <Link to={`/results/${encodeURIComponent(test.key)}`}
            className="group inline-flex items-center gap-1 font-semibold text-teal-800 underline-offset-2 hover:underline">
            {test.name}
            <Icon name="chevron-right" className="h-4 w-4" />
          </Link>
          {latest ? (
            <>
              <p className="mt-0.5 text-slate-900">
                <span className={`text-lg ${abnormal ? 'font-bold' : 'font-medium'}`}>{formatResultValue(latest.value)}</span>
                {unit && <span className="text-slate-700"> {unit}</span>}
              </p>
              <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
                <span className="whitespace-nowrap">{latest.referenceRange ? `Range: ${latest.referenceRange.text}` : 'No reference range'}</span>
                <time dateTime={latest.effectiveAt} className="whitespace-nowrap">
                  {formatDate(latest.effectiveAt, timeZone)}
                </time>
                {test.results.length > 1 && <span className="whitespace-nowrap">{test.results.length} results</span>}
              </p>
            </>
          ) : (
            <p className="text-sm text-slate-700">No results yet.</p>
          )}
        </div>
        {latest && <FlagBadge flag={latest.flag} />}
      </div>
    </li>
  );
}

export function ResultsPage(): ReactElement {
  const results = useResults();
  const tz = useClinicTimeZone();
  return (
    <>
      <PageHeader title="Results" description="Your lab results, grouped by panel. Select a test to see its trend." />
      <QueryView query={results} lines={6} isEmpty={(data) => data.panels.length === 0} empty="No results yet.">
        {(data) => (
          <div className="space-y-5">
            {data.panels.map((panel) => (
              <Card key={panel.panel} title={panel.panel}>
                <ul className="divide-y divide-slate-200">
                  {panel.tests.map((t) => <TestRow key={t.key} test={t} timeZone={tz} />)}
                </ul>
              </Card>
            ))}
          </div>
        )}
      </QueryView>
    </>
  );
}
