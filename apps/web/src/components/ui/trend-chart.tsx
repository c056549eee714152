import { useEffect, useRef } from 'react';
import type { ReactElement } from 'react';
import uPlot from 'uplot';
import type { ChartData, ChartSeries } from '../../lib/chart-data';
import { formatDate } from '../../lib/format';

const COLORS = { line: '#0f766e', secondary: '#1d4ed8', flagged: '#b91c1c', band: 'rgba(16, 185, 129, 0.14)', bandEdge: 'rgba(4, 120, 87, 0.45)' };

function seriesOptions(s: ChartSeries): uPlot.Series {
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
      points: { show: true, size: 12, width: 3, stroke: '#7f1d1d', fill: COLORS.flagged },
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
    points: { show: true, size: 7, width: 2, stroke: color, fill: '#ffffff' },
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
        // A single reading still gets a readable month either side instead of an axis of years.
        x: { time: true, range: (_u, min, max) => (min === max ? [min - 30 * 86_400, max + 30 * 86_400] : [min, max]) },
        y: { range: () => data.yRange },
      },
      series: [{ label: 'Date' }, ...data.series.map(seriesOptions)],
      axes: [
        { stroke: '#334155', grid: { stroke: '#e2e8f0' }, ticks: { stroke: '#cbd5e1' } },
        { stroke: '#334155', grid: { stroke: '#e2e8f0' }, ticks: { stroke: '#cbd5e1' }, size: 48 },
      ],
      cursor: { drag: { x: false, y: false } },
      legend: { show: false },
      plugins: [tooltipPlugin(data, timeZone)],
      hooks: { drawClear: [bandHook(data.band)] },
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
