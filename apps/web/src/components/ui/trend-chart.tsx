import { useEffect, useRef } from 'react';
import type { ReactElement } from 'react';
import uPlot from 'uplot';
import { timeRange, trianglePoints } from '../../lib/chart-data';
import type { ChartData, ChartSeries } from '../../lib/chart-data';
import { formatDate } from '../../lib/format';

const COLORS = { line: '#0f766e', secondary: '#1d4ed8', flagged: '#b91c1c', band: 'rgba(16, 185, 129, 0.14)', bandEdge: 'rgba(4, 120, 87, 0.45)' };

/** Point indices to draw as circles: those with a value and no comparator marker (markers draw their own shape). */
function circleFilter(markers: ChartData['markers']): uPlot.Series.Points.Filter | undefined {
  if (!markers?.some((m) => m !== null)) return undefined;
  return (u, si) => {
    const values = u.data[si] ?? [];
    const keep: number[] = [];
    for (let i = 0; i < values.length; i += 1) if (values[i] != null && !markers[i]) keep.push(i);
    return keep;
  };
}

function seriesOptions(s: ChartSeries, markers: ChartData['markers']): uPlot.Series {
  const filter = circleFilter(markers);
  const value = (_u: uPlot, v: number | null, _si: number, idx: number | null): string => {
    if (v === null || v === undefined) return '–';
    const written = idx !== null ? s.labels?.[idx] : null;
    return written ?? String(v);
  };
  if (s.kind === 'flagged') {
    return {
      label: s.label,
      stroke: COLORS.flagged,
      paths: () => null,
      points: { show: true, size: 12, width: 3, stroke: '#7f1d1d', fill: COLORS.flagged, filter },
      value,
    };
  }
  const color = s.kind === 'secondary' ? COLORS.secondary : COLORS.line;
  return {
    label: s.label,
    stroke: color,
    width: 2,
    dash: s.kind === 'secondary' ? [6, 4] : undefined,
    spanGaps: true,
    points: { show: true, size: 7, width: 2, stroke: color, fill: '#ffffff', filter },
    value,
  };
}

/** Draws the reference band under the data; a missing side runs to the plot's edge. */
function bandHook(band: ChartData['band']): (u: uPlot) => void {
  return (u) => {
    if (!band) return;
    const { left, top, width, height } = u.bbox;
    const yTop = band.high === null ? top : Math.max(top, u.valToPos(band.high, 'y', true));
    const yBottom = band.low === null ? top + height : Math.min(top + height, u.valToPos(band.low, 'y', true));
    if (yBottom <= yTop) return;
    const ctx = u.ctx;
    ctx.save();
    ctx.fillStyle = COLORS.band;
    ctx.fillRect(left, yTop, width, yBottom - yTop);
    ctx.strokeStyle = COLORS.bandEdge;
    ctx.setLineDash([4, 4]);
    ctx.lineWidth = 1;
    for (const y of [band.high === null ? null : yTop, band.low === null ? null : yBottom]) {
      if (y === null) continue;
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
    }
    ctx.restore();
  };
}

/** Draws comparator values ("<0.01", ">90") as hollow triangles at their number; red when also outside the range. */
function markerHook(data: ChartData): (u: uPlot) => void {
  return (u) => {
    const markers = data.markers;
    const main = data.series[0];
    if (!markers || !main) return;
    const flagged = data.series.find((s) => s.kind === 'flagged');
    const ctx = u.ctx;
    const r = 6.5 * uPlot.pxRatio;
    ctx.save();
    ctx.lineWidth = 2.5 * uPlot.pxRatio;
    ctx.lineJoin = 'round';
    markers.forEach((marker, i) => {
      const x = data.xs[i];
      const y = main.values[i];
      if (!marker || x === undefined || y == null) return;
      const cx = u.valToPos(x, 'x', true);
      const cy = u.valToPos(y, 'y', true);
      ctx.beginPath();
      for (const [j, [px, py]] of trianglePoints(marker, cx, cy, r).entries()) {
        if (j === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      }
      ctx.closePath();
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.strokeStyle = flagged?.values[i] != null ? COLORS.flagged : COLORS.line;
      ctx.stroke();
    });
    ctx.restore();
  };
}

/** The data's own time span, with a sliver either side so the first and last points are not cut by the frame. */
function xRange(xs: number[]): [number, number] {
  const [min, max] = timeRange(xs) ?? [0, 1];
  const pad = (max - min) * 0.03;
  return [min - pad, max + pad];
}

/** A small hover card with the date and each value as written (so "<0.01" reads "<0.01"). */
function tooltipPlugin(data: ChartData, timeZone: string): uPlot.Plugin {
  let tip: HTMLDivElement | null = null;
  return {
    hooks: {
      init: (u) => {
        tip = document.createElement('div');
        tip.className = 'pointer-events-none absolute z-10 hidden rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-xs text-slate-900 shadow-md';
        u.over.appendChild(tip);
      },
      setCursor: (u) => {
        const idx = u.cursor.idx;
        const x = idx == null ? undefined : data.xs[idx];
        if (!tip) return;
        if (idx == null || x === undefined) {
          tip.classList.add('hidden');
          return;
        }
        const flagged = data.series.some((s) => s.kind === 'flagged' && s.values[idx] != null);
        const lines = data.series
          .filter((s) => s.kind !== 'flagged' && s.values[idx] != null)
          .map((s) => `${s.label}: ${s.labels?.[idx] ?? s.values[idx]}${s.unit ? ` ${s.unit}` : ''}`);
        tip.replaceChildren(
          ...[formatDate(new Date(x * 1000).toISOString(), timeZone), ...lines, ...(flagged ? ['Outside the reference range'] : [])].map((t, i) => {
            const line = document.createElement('div');
            line.textContent = t;
            if (i === 0) line.className = 'font-semibold';
            return line;
          }),
        );
        tip.classList.remove('hidden');
        const left = u.valToPos(x, 'x');
        const firstValue = data.series[0]?.values[idx];
        const top = firstValue == null ? 0 : u.valToPos(firstValue, 'y');
        const width = tip.offsetWidth;
        tip.style.left = `${Math.min(Math.max(left - width / 2, 0), u.over.clientWidth - width)}px`;
        tip.style.top = `${Math.max(top - tip.offsetHeight - 10, 0)}px`;
      },
    },
  };
}

export interface TrendChartProps {
  data: ChartData;
  timeZone: string;
  height?: number;
}

/** A canvas trend chart. It is hidden from assistive technology: a table beside it carries the same data. */
export function TrendChart({ data, timeZone, height = 240 }: TrendChartProps): ReactElement {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(el.clientWidth, 240),
      height,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
      scales: {
        // Bounded by the data: uPlot's own range for a time scale can run years past the last reading.
        x: { time: true, range: () => xRange(data.xs) },
        y: { range: () => data.yRange },
      },
      series: [{ label: 'Date' }, ...data.series.map((s) => seriesOptions(s, data.markers))],
      axes: [
        { stroke: '#334155', grid: { stroke: '#e2e8f0' }, ticks: { stroke: '#cbd5e1' } },
        { stroke: '#334155', grid: { stroke: '#e2e8f0' }, ticks: { stroke: '#cbd5e1' }, size: 48 },
      ],
      cursor: { drag: { x: false, y: false } },
      legend: { show: false },
      plugins: [tooltipPlugin(data, timeZone)],
      hooks: { drawClear: [bandHook(data.band)], draw: [markerHook(data)] },
    };
    const plot = new uPlot(opts, [data.xs, ...data.series.map((s) => s.values)] as uPlot.AlignedData, el);
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(el.clientWidth, 240), height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [data, timeZone, height]);
  return <div ref={box} aria-hidden="true" className="w-full overflow-hidden text-sm" data-testid="trend-chart" />;
}
