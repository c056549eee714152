// @vitest-environment jsdom
import type { LabResult, LabTestHistory, ResultValue } from '@portico/contracts';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../testing/render';
import { ResultDetailPage } from './result-detail-page';

// jsdom has no canvas (uPlot cannot load): a plain element stands in for the chart.
vi.mock('../../../components/ui/trend-chart', () => ({ TrendChart: () => <div data-testid="trend-chart" /> }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const value = (numeric: number, text: string, comparator: '<' | '>' | null): ResultValue =>
  ({ kind: 'quantity', numeric, comparator, text, unit: 'ng/mL' });
const result = (id: string, at: string, v: ResultValue): LabResult => ({
  id, code: '10839-9', name: 'Troponin I', panel: null, effectiveAt: at, status: 'final', value: v,
  referenceRange: { low: null, high: 0.04, text: '<0.04', unit: 'ng/mL' }, flag: 'N', abnormal: false, critical: false, note: null,
});
const history = (results: LabResult[]): LabTestHistory => ({ key: '10839-9', code: '10839-9', name: 'Troponin I', panel: null, unit: 'ng/mL', results });

function serve(test: LabTestHistory): void {
  vi.stubGlobal('fetch', vi.fn(async (url: string) =>
    url.startsWith('/api/v1/records/results/') ? jsonResponse(test) : jsonResponse({ type: 'about:blank', title: 'Not found', status: 404 }, 404)));
}

describe('ResultDetailPage trend', () => {
  it('shows no chart for a single result, says a trend comes after the next one, and keeps the table', async () => {
    serve(history([result('r1', '2026-08-01T12:00:00Z', value(0.01, '<0.01', '<'))]));
    renderWithProviders(<ResultDetailPage />);
    expect(await screen.findByTestId('no-trend')).toBeTruthy();
    expect(screen.getByTestId('no-trend').textContent).toMatch(/trend chart will appear here after your next result/);
    expect(screen.queryByTestId('trend-chart')).toBeNull();
    expect(screen.getByRole('table').querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('draws the chart from two results and adds comparator markers to the legend only when present', async () => {
    serve(history([
      result('r1', '2025-08-01T12:00:00Z', value(0.01, '<0.01', '<')),
      result('r2', '2026-02-01T12:00:00Z', value(0.02, '0.02', null)),
    ]));
    renderWithProviders(<ResultDetailPage />);
    expect(await screen.findByTestId('trend-chart')).toBeTruthy();
    const legend = screen.getByTestId('chart-legend');
    expect(legend.textContent).toContain('Less than the value shown');
    expect(legend.textContent).not.toContain('Greater than');
    expect(legend.querySelector('polygon')).toBeTruthy();
    expect(screen.queryByTestId('no-trend')).toBeNull();
  });
});
