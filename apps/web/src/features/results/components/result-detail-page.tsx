import type { LabResult, LabTestHistory } from '@portico/contracts';
import { useMemo } from 'react';
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import { QueryView } from '../../../components/ui/query-view';
import { FlagBadge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { Icon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { Table } from '../../../components/ui/table';
import { TrendChart } from '../../../components/ui/trend-chart';
import { MIN_TREND_POINTS, prepareResultChart, trianglePoints } from '../../../lib/chart-data';
import type { ChartData, PointMarker } from '../../../lib/chart-data';
import { flagSentence, formatDate, formatResultValue, isAbnormalFlag, resultUnit } from '../../../lib/format';
import { useClinicTimeZone } from '../../../lib/session';
import { useResult } from '../api/get-result';

function Triangle({ marker }: { marker: PointMarker }): ReactElement {
  const points = trianglePoints(marker, 8, 8, 6).map(([x, y]) => `${x},${y}`).join(' ');
  return (
    <svg viewBox="0 0 16 16" className="h-4 w-4 shrink-0" aria-hidden="true" focusable="false">
      <polygon points={points} fill="#ffffff" stroke="#0f766e" strokeWidth={2} strokeLinejoin="round" />
    </svg>
  );
}

function ChartLegend({ hasBand, markers }: { hasBand: boolean; markers: ChartData['markers'] }): ReactElement {
  return (
    <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700" aria-hidden="true" data-testid="chart-legend">
      <li className="flex items-center gap-2"><span className="h-3 w-3 rounded-full border-2 border-teal-700 bg-white" />Result</li>
      {markers?.includes('below') && <li className="flex items-center gap-2"><Triangle marker="below" />Less than the value shown</li>}
      {markers?.includes('above') && <li className="flex items-center gap-2"><Triangle marker="above" />Greater than the value shown</li>}
      <li className="flex items-center gap-2"><span className="h-3.5 w-3.5 rounded-full border-2 border-red-900 bg-red-700" />Outside range</li>
      {hasBand && <li className="flex items-center gap-2"><span className="h-3 w-5 border border-dashed border-emerald-700 bg-emerald-100" />Reference range</li>}
    </ul>
  );
}

/** Why there is no chart yet, in plain words; the table below still lists every result. */
function noTrendSentence(numeric: number, omitted: number): string {
  if (numeric === 1) return 'You have one result with a number so far. A trend chart will appear here after your next result.';
  if (omitted > 0) return 'These results are written as text, so there is nothing to chart. The table below lists them all.';
  return 'A trend chart will appear here after your next result.';
}

function History({ test, timeZone }: { test: LabTestHistory; timeZone: string }): ReactElement {
  const chart = useMemo(() => prepareResultChart(test), [test]);
  const newestFirst = [...test.results].sort((a, b) => Date.parse(b.effectiveAt) - Date.parse(a.effectiveAt));
  const latest = newestFirst[0];
  const sentence = latest ? flagSentence(latest.flag) : null;
  return (
    <div className="space-y-5">
      {latest && (
        <Card title="Latest result">
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-2xl font-bold text-slate-900">
              {formatResultValue(latest.value)}
              {resultUnit(latest.value) && <span className="text-base font-normal text-slate-700"> {resultUnit(latest.value)}</span>}
            </p>
            <FlagBadge flag={latest.flag} />
          </div>
          <p className="mt-1 text-sm text-slate-700">
            {formatDate(latest.effectiveAt, timeZone)} · {latest.referenceRange ? `Reference range: ${latest.referenceRange.text}` : 'No reference range'}
          </p>
          {sentence && <p className="mt-3 text-slate-900" data-testid="result-sentence">{sentence}</p>}
          {latest.note && <p className="mt-2 text-sm text-slate-700">Note from the lab: {latest.note}</p>}
        </Card>
      )}
      {chart.xs.length < MIN_TREND_POINTS ? (
        <Card title="Trend">
          <p className="text-slate-800" data-testid="no-trend">{noTrendSentence(chart.xs.length, chart.omitted)}</p>
        </Card>
      ) : (
        <Card title="Trend">
          <TrendChart data={chart} timeZone={timeZone} />
          <ChartLegend hasBand={chart.band !== null} markers={chart.markers} />
          {chart.omitted > 0 && (
            <p className="mt-2 text-sm text-slate-700">
              {chart.omitted === 1 ? 'One result is' : `${chart.omitted} results are`} written as text and shown in the table only.
            </p>
          )}
        </Card>
      )}
      <Card title="All results">
        <Table<LabResult>
          caption={`${test.name} results${test.unit ? ` (${test.unit})` : ''}, newest first`}
          stackOnPhone={false}
          columns={[
            { header: 'Date', rowHeader: true, cell: (r) => <time dateTime={r.effectiveAt}>{formatDate(r.effectiveAt, timeZone)}</time> },
            { header: 'Value', cell: (r) => <span className={isAbnormalFlag(r.flag) ? 'font-bold' : ''}>{formatResultValue(r.value)}</span> },
            { header: 'Unit', cell: (r) => resultUnit(r.value) ?? test.unit ?? '', hideOnPhone: true },
            { header: 'Range', cell: (r) => r.referenceRange?.text ?? 'None' },
            { header: 'Flag', cell: (r) => <FlagBadge flag={r.flag} /> },
          ]}
          rows={newestFirst}
          rowKey={(r) => r.id}
        />
      </Card>
    </div>
  );
}

export function ResultDetailPage(): ReactElement {
  const { key = '' } = useParams();
  const result = useResult(key);
  const tz = useClinicTimeZone();
  const title = result.data?.name ?? 'Result';
  return (
    <>
      <Link to="/results" className="mb-3 inline-flex items-center gap-1 text-sm font-semibold text-teal-800 underline-offset-2 hover:underline">
        <Icon name="chevron-right" className="h-4 w-4 rotate-180" />
        All results
      </Link>
      <PageHeader title={title} description={result.data?.panel ?? undefined} />
      <QueryView query={result} lines={6} isEmpty={(data) => data.results.length === 0} empty="No results yet.">
        {(data) => (
          <History test={data} timeZone={tz} />
        )}
      </QueryView>
    </>
  );
}
