import { labTestKey as testKey, type Appointment, type LabPanelGroup, type LabResult, type LabTestHistory } from '@portico/contracts';

const byTimeAsc = (a: { effectiveAt: string }, b: { effectiveAt: string }) => a.effectiveAt.localeCompare(b.effectiveAt);

export function testHistories(results: LabResult[]): LabTestHistory[] {
  const byKey = new Map<string, LabResult[]>();
  for (const r of results) {
    const k = testKey(r);
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  return [...byKey.entries()].map(([key, list]) => {
    const sorted = [...list].sort(byTimeAsc);
    const latest = sorted[sorted.length - 1]!;
    const unit = latest.value.kind === 'quantity' ? latest.value.unit : (latest.referenceRange?.unit ?? null);
    return { key, code: latest.code, name: latest.name, panel: latest.panel, unit, results: sorted };
  });
}

/** Results grouped by panel (order), then by test; panels and tests with the newest results first. */
export function groupByPanel(results: LabResult[]): LabPanelGroup[] {
  const panels = new Map<string, LabTestHistory[]>();
  for (const t of testHistories(results)) {
    const name = t.panel ?? 'Other tests';
    panels.set(name, [...(panels.get(name) ?? []), t]);
  }
  const newest = (t: LabTestHistory) => t.results[t.results.length - 1]?.effectiveAt ?? '';
  return [...panels.entries()]
    .map(([panel, tests]) => ({ panel, tests: tests.sort((a, b) => newest(b).localeCompare(newest(a)) || a.name.localeCompare(b.name)) }))
    .sort((a, b) => newest(b.tests[0]!).localeCompare(newest(a.tests[0]!)) || a.panel.localeCompare(b.panel));
}

/** The latest result of each test, newest first: what the dashboard calls "recent results". */
export function recentResults(results: LabResult[], limit: number): LabResult[] {
  return testHistories(results)
    .map((t) => t.results[t.results.length - 1]!)
    .sort((a, b) => b.effectiveAt.localeCompare(a.effectiveAt) || Number(b.abnormal) - Number(a.abnormal))
    .slice(0, limit);
}

const INACTIVE = new Set(['cancelled', 'noshow']);

export function splitAppointments(list: Appointment[], now: Date): { upcoming: Appointment[]; past: Appointment[] } {
  const t = now.toISOString();
  const upcoming = list.filter((a) => (a.end ?? a.start) >= t && !INACTIVE.has(a.status)).sort((a, b) => a.start.localeCompare(b.start));
  const past = list.filter((a) => !upcoming.includes(a)).sort((a, b) => b.start.localeCompare(a.start));
  return { upcoming, past };
}
