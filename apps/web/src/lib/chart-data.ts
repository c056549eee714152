import type { Comparator, LabTestHistory, ReferenceRange, VitalReading } from '@portico/contracts';
import { isAbnormalFlag } from './format';

/** A shaded reference band; a null side shades to that edge of the chart. */
export interface Band {
  low: number | null;
  high: number | null;
}

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** How each point reads in the hover legend, e.g. "<0.01" for a comparator value. */
  labels?: (string | null)[];
  unit?: string | null;
  kind: 'line' | 'flagged' | 'secondary';
}

/** How a point's value relates to the number plotted: "<0.01" is below 0.01, ">90" is above 90. */
export type PointMarker = 'below' | 'above';

export interface ChartData {
  /** Seconds since the epoch, ascending (uPlot's unit). */
  xs: number[];
  series: ChartSeries[];
  band: Band | null;
  yRange: [number, number];
  /** Per x, a comparator marker for a value written as "less than" or "greater than" its number, else null. */
  markers?: (PointMarker | null)[];
}

/** The fewest numeric points that make a trend; with fewer, pages show a sentence instead of a chart. */
export const MIN_TREND_POINTS = 2;

export function markerFor(comparator: Comparator | null): PointMarker | null {
  if (comparator === '<' || comparator === '<=') return 'below';
  if (comparator === '>' || comparator === '>=') return 'above';
  return null;
}

/** A hollow triangle: pointing down for "less than", up for "greater than". Shared by the canvas and the legend. */
export function trianglePoints(marker: PointMarker, cx: number, cy: number, r: number): [number, number][] {
  const h = r * 0.9;
  return marker === 'below'
    ? [[cx - r, cy - h], [cx + r, cy - h], [cx, cy + h]]
    : [[cx - r, cy + h], [cx + r, cy + h], [cx, cy - h]];
}

/** The x (time) range a chart shows: the data's own first and last instant, never more. */
export function timeRange(xs: number[]): [number, number] | null {
  if (xs.length === 0) return null;
  const first = Math.min(...xs);
  const last = Math.max(...xs);
  // A lone instant gets a day either side so the scale is not empty; charts normally need two points anyway.
  return first === last ? [first - 86_400, last + 86_400] : [first, last];
}

export interface ResultChartData extends ChartData {
  /** Results with no number to plot (text or no value); they appear in the table only. */
  omitted: number;
}

export function bandFromRange(range: ReferenceRange | null): Band | null {
  if (!range || (range.low === null && range.high === null)) return null;
  return { low: range.low, high: range.high };
}

/** Range from the values and the finite band edges, padded so nothing sits on the frame. */
export function paddedRange(values: number[], band: Band | null): [number, number] {
  const all = [...values];
  if (band?.low != null) all.push(band.low);
  if (band?.high != null) all.push(band.high);
  if (all.length === 0) return [0, 1];
  let min = Math.min(...all);
  let max = Math.max(...all);
  const span = max - min;
  const pad = span === 0 ? Math.max(Math.abs(max) * 0.1, 1) : span * 0.12;
  min -= pad;
  max += pad;
  // Lab values and vitals are never negative; do not invent a below-zero axis.
  if (min < 0 && Math.min(...all) >= 0) min = 0;
  return [min, max];
}

/**
 * Plot data for one lab test: comparator values at their number with a below/above marker, text results left out,
 * flagged points apart.
 */
export function prepareResultChart(history: LabTestHistory): ResultChartData {
  const sorted = [...history.results].sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt));
  const xs: number[] = [];
  const values: number[] = [];
  const flagged: (number | null)[] = [];
  const labels: string[] = [];
  const markers: (PointMarker | null)[] = [];
  let omitted = 0;
  let band: Band | null = null;
  for (const r of sorted) {
    if (r.value.kind !== 'quantity') {
      omitted += 1;
      continue;
    }
    xs.push(Date.parse(r.effectiveAt) / 1000);
    values.push(r.value.numeric);
    labels.push(r.value.text);
    markers.push(markerFor(r.value.comparator));
    flagged.push(isAbnormalFlag(r.flag) || r.abnormal ? r.value.numeric : null);
    // The latest numeric range wins: labs do change their ranges over the years.
    band = bandFromRange(r.referenceRange) ?? band;
  }
  return {
    xs,
    series: [
      { label: 'Result', values, labels, unit: history.unit, kind: 'line' },
      { label: 'Outside range', values: flagged, labels, unit: history.unit, kind: 'flagged' },
    ],
    band,
    yRange: paddedRange(values, band),
    markers,
    omitted,
  };
}

/** Plot data for one vital sign; blood pressure carries systolic and diastolic as two series. */
export function prepareVitalChart(readings: VitalReading[]): ChartData {
  const sorted = [...readings].sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt));
  const xs = sorted.map((r) => Date.parse(r.effectiveAt) / 1000);
  const primary = sorted.map((r) => r.value);
  const isBloodPressure = sorted[0]?.kind === 'blood-pressure';
  const series: ChartSeries[] = [{ label: isBloodPressure ? 'Systolic' : 'Value', values: primary, kind: 'line' }];
  const all = [...primary];
  if (isBloodPressure) {
    const secondary = sorted.map((r) => r.secondary);
    series.push({ label: 'Diastolic', values: secondary, kind: 'secondary' });
    for (const v of secondary) if (v !== null) all.push(v);
  }
  return { xs, series, band: null, yRange: paddedRange(all, null) };
}
