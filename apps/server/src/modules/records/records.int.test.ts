import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentsResponse, LabResult, LabTestHistory, ResultsResponse, VitalsResponse } from '@portico/contracts';
import { startPortico, type Portico } from '../../testing/harness';

let p: Portico;
let c: Awaited<ReturnType<Portico['signIn']>>;
beforeAll(async () => {
  p = await startPortico();
  c = await p.signIn();
}, 120_000);
afterAll(() => p?.close());

const allResults = (r: ResultsResponse): LabResult[] => r.panels.flatMap((g) => g.tests.flatMap((t) => t.results));

describe('lab results', () => {
  it('groups results by panel and then by test, each with value, unit, range, flag and date', async () => {
    const r = await c.json<ResultsResponse>('/api/v1/records/results');
    const panels = r.panels.map((g) => g.panel.toLowerCase()).join(' | ');
    expect(panels).toMatch(/lipid/);
    expect(panels).toMatch(/a1c|hemoglobin a1c/);
    const hba1c = r.panels.flatMap((g) => g.tests).find((t) => t.code === '4548-4')!;
    expect(hba1c.results.length).toBeGreaterThanOrEqual(4); // two years of history
    const latest = hba1c.results[hba1c.results.length - 1]!;
    expect(latest.value.kind).toBe('quantity');
    expect(latest.referenceRange?.text).toBeTruthy();
    expect(hba1c.results.map((x) => x.effectiveAt)).toEqual([...hba1c.results.map((x) => x.effectiveAt)].sort());
  });

  it('shows comparator values as written and never as 0', async () => {
    const results = allResults(await c.json<ResultsResponse>('/api/v1/records/results'));
    const comparators = results.filter((x) => x.value.kind === 'quantity' && x.value.comparator !== null);
    expect(comparators.length).toBeGreaterThan(0);
    for (const x of comparators) {
      if (x.value.kind !== 'quantity') continue;
      expect(x.value.text).toMatch(/^[<>]=?\s?\d/);
    }
  });

  it('keeps text results and text ranges ("Negative") and flags them correctly', async () => {
    const results = allResults(await c.json<ResultsResponse>('/api/v1/records/results'));
    const text = results.filter((x) => x.value.kind === 'text');
    expect(text.length).toBeGreaterThan(0);
    const negatives = text.filter((x) => x.value.kind === 'text' && /negative/i.test(x.value.text) && /negative/i.test(x.referenceRange?.text ?? ''));
    for (const n of negatives) expect(n.abnormal).toBe(false);
    const flags = new Set(results.map((x) => x.flag));
    expect([...flags].filter((f) => f && f !== 'N').length).toBeGreaterThanOrEqual(3);
  });

  it('answers one test over time for the trend chart, and 404 for a test the patient does not have', async () => {
    const t = await c.json<LabTestHistory>('/api/v1/records/results/4548-4');
    expect(t.name).toMatch(/a1c/i);
    expect(t.results.length).toBeGreaterThanOrEqual(4);
    const missing = await c.get('/api/v1/records/results/99999-9');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('the rest of the record', () => {
  it('vitals include blood pressure with systolic and diastolic together', async () => {
    const v = await c.json<VitalsResponse>('/api/v1/records/vitals');
    const bp = v.readings.filter((x) => x.kind === 'blood-pressure');
    expect(bp.length).toBeGreaterThan(3);
    for (const x of bp) {
      expect(x.secondary).not.toBeNull();
      expect(x.value).toBeGreaterThan(x.secondary!);
    }
  });

  it('lists medications, allergies, problems and immunizations', async () => {
    for (const path of ['medications', 'allergies', 'problems', 'immunizations']) {
      const body = await c.json<{ items: unknown[] }>(`/api/v1/records/${path}`);
      expect({ path, n: body.items.length > 0 }).toEqual({ path, n: true });
    }
  });

  it('names problems in words (not bare ICD-10 codes) and gives allergies their reactions', async () => {
    const problems = await c.json<{ items: { name: string; code: string | null; onsetOn: string | null }[] }>('/api/v1/records/problems');
    for (const x of problems.items) expect(x.name).not.toMatch(/^[A-Z]\d{2}(\.\d+)?$/);
    expect(problems.items.some((x) => /diabetes/i.test(x.name) && x.onsetOn)).toBe(true);
    const allergies = await c.json<{ items: { substance: string; reactions: string[] }[] }>('/api/v1/records/allergies');
    expect(allergies.items.some((a) => a.reactions.length > 0)).toBe(true);
  });

  it('splits appointments into upcoming and past', async () => {
    const a = await c.json<AppointmentsResponse>('/api/v1/appointments');
    const now = new Date().toISOString();
    expect(a.upcoming.length).toBeGreaterThan(0);
    expect(a.past.length).toBeGreaterThan(0);
    expect(a.upcoming.every((x) => (x.end ?? x.start) >= now)).toBe(true);
    expect(a.upcoming.map((x) => x.start)).toEqual([...a.upcoming.map((x) => x.start)].sort());
    // What the visit is: the category name, and for upcoming visits the reason and the end time.
    expect(a.upcoming.every((x) => x.type !== null)).toBe(true);
    expect(a.upcoming.some((x) => x.comment === 'Quarterly diabetes check')).toBe(true);
    expect(a.upcoming.every((x) => x.end !== null && x.end > x.start)).toBe(true);
  });
});

describe('documents', () => {
  it('lists documents and downloads real PDF and PNG content as attachments', async () => {
    const { items } = await c.json<{ items: { id: string; contentType: string; title: string }[] }>('/api/v1/records/documents');
    expect(items.length).toBeGreaterThanOrEqual(3);
    const pdf = items.find((d) => d.contentType === 'application/pdf')!;
    const res = await c.get(`/api/v1/records/documents/${pdf.id}/content`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const png = items.find((d) => d.contentType === 'image/png');
    if (png) {
      const img = Buffer.from(await (await c.get(`/api/v1/records/documents/${png.id}/content`)).arrayBuffer());
      expect(img.subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it("answers 404 for another patient's document, even with a valid id", async () => {
    const other = await p.signIn('patient2@demo.portico.test');
    const { items } = await other.json<{ items: { id: string }[] }>('/api/v1/records/documents');
    expect(items.length).toBeGreaterThan(0);
    const mine = await c.json<{ items: { id: string }[] }>('/api/v1/records/documents');
    expect(mine.items.map((d) => d.id)).not.toContain(items[0]!.id);
    const res = await c.get(`/api/v1/records/documents/${items[0]!.id}/content`);
    expect(res.status).toBe(404);
  });

  it('rejects a malformed document id with 400', async () => {
    const res = await c.get('/api/v1/records/documents/..%2F..%2Fetc/content');
    expect(res.status).toBe(400);
  });
});
