// @vitest-environment jsdom
import type { LabResult, LabTestHistory, ReferenceRange, ResultValue, VitalReading } from '@portico/contracts';
import { describe, expect, it } from 'vitest';
import { bandFromRange, markerFor, paddedRange, prepareResultChart, prepareVitalChart, timeRange } from './chart-data';

let n = 0;
function result(at: string, value: ResultValue, range: ReferenceRange | null, flag: LabResult['flag']): LabResult {
  n += 1;
  return {
    id: `r${n}`, code: '4548-4', name: 'HbA1c', panel: null, effectiveAt: at, status: 'final', value, referenceRange: range,
    flag, abnormal: flag !== null && flag !== 'N', critical: flag === 'HH' || flag === 'LL', note: null,
  };
}
const q = (numeric: number, text = String(numeric), comparator: '<' | '>' | null = null): ResultValue =>
  ({ kind: 'quantity', numeric, comparator, text, unit: '%' });
const range = (low: number | null, high: number | null, text: string): ReferenceRange => ({ low, high, text, unit: '%' });
const history = (results: LabResult[]): LabTestHistory => ({ key: '4548-4', code: '4548-4', name: 'HbA1c', panel: null, unit: '%', results });

describe('prepareResultChart', () => {
  it('sorts by time, plots numbers, and puts flagged points in their own series', () => {
    const chart = prepareResultChart(history([
      result('2025-06-01T10:00:00Z', q(7.2), range(4, 5.6, '4.0-5.6'), 'H'),
      result('2025-01-01T10:00:00Z', q(5.4), range(4, 5.6, '4.0-5.6'), 'N'),
    ]));
    expect(chart.xs).toEqual([Date.parse('2025-01-01T10:00:00Z') / 1000, Date.parse('2025-06-01T10:00:00Z') / 1000]);
    expect(chart.series[0]?.values).toEqual([5.4, 7.2]);
    expect(chart.series[1]?.kind).toBe('flagged');
    expect(chart.series[1]?.values).toEqual([null, 7.2]);
    expect(chart.band).toEqual({ low: 4, high: 5.6 });
  });

  it('plots a comparator value at its number but keeps the written text for the legend', () => {
    const chart = prepareResultChart(history([result('2025-01-01T00:00:00Z', q(0.01, '<0.01', '<'), range(null, 0.04, '<0.04'), 'N')]));
    expect(chart.series[0]?.values).toEqual([0.01]);
    expect(chart.series[0]?.labels).toEqual(['<0.01']);
  });

  it('marks comparator values as below or above their number, and plain values not at all', () => {
    const chart = prepareResultChart(history([
      result('2025-01-01T00:00:00Z', q(0.01, '<0.01', '<'), null, 'N'),
      result('2025-02-01T00:00:00Z', q(0.5), null, 'N'),
      result('2025-03-01T00:00:00Z', q(90, '>90', '>'), null, 'N'),
    ]));
    expect(chart.markers).toEqual(['below', null, 'above']);
    expect(markerFor('<=')).toBe('below');
    expect(markerFor('>=')).toBe('above');
    expect(markerFor(null)).toBeNull();
  });

  it('leaves text results out of the plot and counts them', () => {
    const chart = prepareResultChart(history([
      result('2025-01-01T00:00:00Z', { kind: 'text', text: 'Hemolyzed' }, null, null),
      result('2025-02-01T00:00:00Z', q(6), null, null),
      result('2025-03-01T00:00:00Z', { kind: 'none' }, null, null),
    ]));
    expect(chart.xs).toHaveLength(1);
    expect(chart.omitted).toBe(2);
  });

  it('has no band for text or absent ranges, and a one-sided band for one-sided ranges', () => {
    expect(bandFromRange(null)).toBeNull();
    expect(bandFromRange(range(null, null, 'Negative'))).toBeNull();
    expect(bandFromRange(range(null, 200, '<200'))).toEqual({ low: null, high: 200 });
    expect(bandFromRange(range(60, null, '>=60'))).toEqual({ low: 60, high: null });
  });

  it('uses the latest numeric range when ranges change over time', () => {
    const chart = prepareResultChart(history([
      result('2024-01-01T00:00:00Z', q(5), range(4, 6, '4-6'), 'N'),
      result('2025-01-01T00:00:00Z', q(5), range(4, 5.6, '4.0-5.6'), 'N'),
      result('2025-06-01T00:00:00Z', q(5), range(null, null, 'See note'), 'N'),
    ]));
    expect(chart.band).toEqual({ low: 4, high: 5.6 });
  });

  it('makes the y range include the band so it is visible', () => {
    const [min, max] = prepareResultChart(history([result('2025-01-01T00:00:00Z', q(100), range(null, 200, '<200'), 'N')])).yRange;
    expect(min).toBeLessThanOrEqual(100);
    expect(max).toBeGreaterThan(200);
  });
});

describe('timeRange', () => {
  it('is bounded by the first and last reading, never years beyond them', () => {
    const xs = [Date.parse('2024-03-01T00:00:00Z') / 1000, Date.parse('2025-01-01T00:00:00Z') / 1000, Date.parse('2025-08-01T00:00:00Z') / 1000];
    expect(timeRange(xs)).toEqual([xs[0], xs[2]]);
    expect(timeRange([])).toBeNull();
    const [lo = 0, hi = 0] = timeRange([1_700_000_000]) ?? [];
    expect(hi - lo).toBeLessThanOrEqual(2 * 86_400);
  });
});

describe('paddedRange', () => {
  it('never goes below zero for non-negative data and copes with a single value', () => {
    expect(paddedRange([0.05, 2], null)[0]).toBe(0);
    const [lo, hi] = paddedRange([50], null);
    expect(lo).toBeLessThan(50);
    expect(hi).toBeGreaterThan(50);
  });
});

describe('prepareVitalChart', () => {
  it('puts systolic and diastolic on one chart as two series', () => {
    const bp = (id: string, at: string, s: number, d: number): VitalReading =>
      ({ id, kind: 'blood-pressure', effectiveAt: at, value: s, secondary: d, unit: 'mmHg' });
    const chart = prepareVitalChart([bp('b', '2025-02-01T00:00:00Z', 130, 85), bp('a', '2025-01-01T00:00:00Z', 120, 80)]);
    expect(chart.series.map((s) => s.label)).toEqual(['Systolic', 'Diastolic']);
    expect(chart.series[0]?.values).toEqual([120, 130]);
    expect(chart.series[1]?.values).toEqual([80, 85]);
    expect(chart.band).toBeNull();
  });
});
