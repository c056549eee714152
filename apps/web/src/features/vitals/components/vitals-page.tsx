import { VitalKind } from '@portico/contracts';
import type { VitalReading } from '@portico/contracts';
import { useMemo } from 'react';
import type { ReactElement } from 'react';
import { QueryView } from '../../../components/ui/query-view';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Table } from '../../../components/ui/table';
import { TrendChart } from '../../../components/ui/trend-chart';
import { prepareVitalChart } from '../../../lib/chart-data';
import { formatDateTime, formatVitalValue, vitalLabel } from '../../../lib/format';
import { useClinicTimeZone } from '../../../lib/session';
import { useVitals } from '../api/get-vitals';

function VitalCard({ kind, readings, timeZone }: { kind: VitalKind; readings: VitalReading[]; timeZone: string }): ReactElement {
  const chart = useMemo(() => prepareVitalChart(readings), [readings]);
  const newestFirst = [...readings].reverse();
  const latest = newestFirst[0];
  const isBp = kind === 'blood-pressure';
  return (
    <Card title={vitalLabel(kind)}>
      {latest && (
        <p className="mb-3 text-slate-900">
          Latest: <span className="font-semibold">{formatVitalValue(latest.value, latest.secondary, latest.unit)}</span>
          <span className="text-sm text-slate-700"> · {formatDateTime(latest.effectiveAt, timeZone)}</span>
        </p>
      )}
      {readings.length > 1 && (
        <>
          <TrendChart data={chart} timeZone={timeZone} height={200} />
          {isBp && (
            <ul aria-hidden="true" className="mt-2 flex gap-5 text-sm text-slate-700">
              <li className="flex items-center gap-2"><span className="h-0.5 w-6 bg-teal-700" />Systolic</li>
              <li className="flex items-center gap-2"><span className="h-0.5 w-6 border-t-2 border-dashed border-blue-700" />Diastolic</li>
            </ul>
          )}
        </>
      )}
      <details className="mt-3">
        <summary className="cursor-pointer rounded text-sm font-semibold text-teal-800">Show all {readings.length} readings</summary>
        <div className="mt-2">
          <Table<VitalReading>
            caption={`${vitalLabel(kind)} readings, newest first`}
            columns={[
              { header: 'Date', rowHeader: true, cell: (r) => <time dateTime={r.effectiveAt}>{formatDateTime(r.effectiveAt, timeZone)}</time> },
              ...(isBp
                ? [
                    { header: 'Systolic', cell: (r: VitalReading) => r.value, align: 'right' as const },
                    { header: 'Diastolic', cell: (r: VitalReading) => r.secondary ?? '–', align: 'right' as const },
                  ]
                : [{ header: 'Value', cell: (r: VitalReading) => r.value, align: 'right' as const }]),
              { header: 'Unit', cell: (r) => r.unit },
            ]}
            rows={newestFirst}
            rowKey={(r) => r.id}
          />
        </div>
      </details>
    </Card>
  );
}

export function VitalsPage(): ReactElement {
  const vitals = useVitals();
  const tz = useClinicTimeZone();
  const byKind = useMemo(() => {
    const groups = new Map<VitalKind, VitalReading[]>();
    for (const r of vitals.data?.readings ?? []) groups.set(r.kind, [...(groups.get(r.kind) ?? []), r]);
    for (const list of groups.values()) list.sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt));
    return VitalKind.options.filter((k) => groups.has(k)).map((k) => ({ kind: k, readings: groups.get(k) ?? [] }));
  }, [vitals.data]);
  return (
    <>
      <PageHeader title="Vitals" description="Measurements taken at your visits, over time." />
      <QueryView query={vitals} lines={6} isEmpty={(_data) => byKind.length === 0} empty="No vitals recorded yet.">
        {() => (
          <div className="grid gap-5 lg:grid-cols-2">
            {byKind.map((g) => <VitalCard key={g.kind} kind={g.kind} readings={g.readings} timeZone={tz} />)}
          </div>
        )}
      </QueryView>
    </>
  );
}
