import { describe, expect, it } from 'vitest';
import { OpenEmrNotFoundError, OpenEmrProtocolError, OpenEmrValidationError } from './errors';
import type { HttpResponse } from './http';
import { interpretRest, looksLikeValidationMap } from './rest-client';
import { recordedBody, recording } from './test-support/recordings';

const res = (status: number, body: string): HttpResponse => ({ status, headers: new Headers(), body: Buffer.from(body) });
const fromRecording = (name: string) => {
  const r = recording(name);
  return res(r.response.status, recordedBody(r));
};

describe('interpretRest against recorded answers', () => {
  it('envelope with data object (patient read)', () => {
    expect(interpretRest(fromRecording('api-patient-read'), 'GET api/patient/:puuid', 'one')).toMatchObject({ pid: 5, fname: 'Farrah' });
  });
  it('envelope with data array (patient list)', () => {
    expect(interpretRest(fromRecording('api-patient-list'), 'GET api/patient', 'list')).toHaveLength(2);
  });
  it('envelope with an empty list (medical problems)', () => {
    expect(interpretRest(fromRecording('api-patient-medical-problem-list'), 'GET x', 'list')).toEqual([]);
  });
  it('raw JSON list (appointments, medications)', () => {
    expect(interpretRest(fromRecording('api-patient-appointment-list'), 'GET x', 'list')).toHaveLength(3);
    expect(interpretRest(fromRecording('api-patient-medication-list'), 'GET x', 'list')).toHaveLength(1);
  });
  it('single appointment read is an array of one', () => {
    expect(interpretRest(fromRecording('api-patient-appointment-read'), 'GET x', 'one')).toMatchObject({ pc_eid: expect.anything() });
  });
  it('unknown patient uuid: 400 validation envelope -> NotFound', () => {
    expect(() => interpretRest(fromRecording('api-error-400-patient-uuid-not-found'), 'GET api/patient/:puuid', 'one')).toThrow(OpenEmrNotFoundError);
  });
  it('404 with "null" body on a read -> NotFound; on a list -> empty', () => {
    expect(() => interpretRest(fromRecording('api-error-404-appointment'), 'GET x', 'one')).toThrow(OpenEmrNotFoundError);
    expect(interpretRest(fromRecording('api-error-404-appointment'), 'GET x', 'list')).toEqual([]);
    expect(interpretRest(res(404, ''), 'GET x', 'list')).toEqual([]);
  });
  it('unknown route -> NotFound', () => {
    expect(() => interpretRest(fromRecording('api-error-404-route'), 'GET x', 'one')).toThrow(OpenEmrNotFoundError);
  });
  it('validation errors in both styles carry validationErrors', () => {
    for (const name of ['api-error-validation-appointment', 'api-error-validation-message', 'api-error-validation-patient']) {
      try {
        interpretRest(fromRecording(name), 'POST x', 'write');
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(OpenEmrValidationError);
        expect(Object.keys((e as OpenEmrValidationError).validationErrors).length).toBeGreaterThan(0);
      }
    }
  });
  it('a 200 envelope with errors inside is an error', () => {
    const body = JSON.stringify({ validationErrors: { title: { 'Required::NON_EXISTENT_KEY': 'title must be provided' } }, internalErrors: [], data: null });
    expect(() => interpretRest(res(200, body), 'POST x', 'write')).toThrow(OpenEmrValidationError);
    const internal = JSON.stringify({ validationErrors: [], internalErrors: ['db down'], data: [] });
    expect(() => interpretRest(res(200, internal), 'GET x', 'list')).toThrow(OpenEmrProtocolError);
  });
  it('a 200 Particle map on a write is a validation error', () => {
    expect(() => interpretRest(res(200, JSON.stringify({ pc_catid: { 'Required::NON_EXISTENT_KEY': 'x' } })), 'POST x', 'write')).toThrow(OpenEmrValidationError);
    expect(interpretRest(res(200, '{"id":123}'), 'POST x', 'write')).toEqual({ id: 123 });
    expect(looksLikeValidationMap({ id: 1 })).toBe(false);
  });
  it('revoked session (400) is an auth error; garbage is a protocol error', () => {
    expect(() => interpretRest(res(400, JSON.stringify({ error: 'x', message: 'Refresh Token revoked or logged out' })), 'GET x', 'one')).toThrow(/revoked/);
    expect(() => interpretRest(res(200, '<html>'), 'GET x', 'one')).toThrow(OpenEmrProtocolError);
    expect(() => interpretRest(res(200, '{"a":1}'), 'GET x', 'list')).toThrow(OpenEmrProtocolError);
  });
});
