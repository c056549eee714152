import { OpenEmrAuthError, OpenEmrNotFoundError, OpenEmrProtocolError, OpenEmrValidationError, type ValidationErrors } from './errors';
import type { HttpResponse } from './http';
import type { RouteCall, Transport } from './transport';

type Mode = 'list' | 'one' | 'write';
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const hasEntries = (v: unknown) => (Array.isArray(v) ? v.length > 0 : isObj(v) ? Object.keys(v).length > 0 : false);

/**
 * The standard API answers in four styles (API-NOTES §3.1): an envelope with the right status, the same envelope
 * always as 200 (errors inside), raw JSON with a 404 + empty body for "nothing", and Particle validation maps.
 * This is the only code that knows them.
 */
export class RestClient {
  constructor(private readonly transport: Transport) {}

  async list<T = Obj>(call: Omit<RouteCall, 'method'>): Promise<T[]> {
    const c: RouteCall = { ...call, method: 'GET' };
    return interpretRest(await this.transport.call(c), this.transport.endpointOf(c), 'list') as T[];
  }

  async one<T = Obj>(call: Omit<RouteCall, 'method'>): Promise<T> {
    const c: RouteCall = { ...call, method: 'GET' };
    return interpretRest(await this.transport.call(c), this.transport.endpointOf(c), 'one') as T;
  }

  async write<T = Obj>(call: RouteCall): Promise<T> {
    return interpretRest(await this.transport.call(call), this.transport.endpointOf(call), 'write') as T;
  }
}

export function interpretRest(res: HttpResponse, endpoint: string, mode: Mode): unknown {
  const text = res.body.toString('utf8').trim();
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new OpenEmrProtocolError(`non-JSON answer (${res.status})`, endpoint, res.status);
    }
  }
  const empty = body === undefined || body === null || (Array.isArray(body) && body.length === 0);

  if (res.status === 404) {
    // Raw-JSON list routes say "nothing" as 404 with an empty body (or a literal null).
    if (mode === 'list' && empty) return [];
    throw new OpenEmrNotFoundError('not found in OpenEMR', endpoint, 404);
  }
  if (res.status === 400 || res.status === 422) throw errorFrom400(body, endpoint, res.status);
  if (res.status >= 400) throw new OpenEmrProtocolError(`unexpected status ${res.status}`, endpoint, res.status);

  if (body === undefined || body === null) {
    if (mode === 'list') return [];
    if (mode === 'write') return {};
    throw new OpenEmrNotFoundError('empty answer from OpenEMR', endpoint, res.status);
  }

  if (isObj(body) && ('validationErrors' in body || 'internalErrors' in body)) {
    // Envelope; its HTTP status is not to be trusted (style 2 is always 200).
    if (hasEntries(body.validationErrors)) throw validationOrNotFound(body.validationErrors, endpoint, res.status);
    if (hasEntries(body.internalErrors)) throw new OpenEmrProtocolError('OpenEMR reported internal errors', endpoint, res.status);
    return unwrap(body.data, mode, endpoint, res.status);
  }
  if (mode === 'write' && looksLikeValidationMap(body)) {
    throw new OpenEmrValidationError('OpenEMR rejected the input', body as ValidationErrors, endpoint, res.status);
  }
  return unwrap(body, mode, endpoint, res.status);
}

function unwrap(data: unknown, mode: Mode, endpoint: string, status: number): unknown {
  if (mode === 'list') {
    if (data === null || data === undefined) return [];
    if (Array.isArray(data)) return data;
    throw new OpenEmrProtocolError('expected a list', endpoint, status);
  }
  if (mode === 'one' && Array.isArray(data)) {
    // GET /api/appointment/:eid answers an array holding the one record.
    if (data.length === 0) throw new OpenEmrNotFoundError('not found in OpenEMR', endpoint, status);
    return data[0];
  }
  if (mode === 'one' && !isObj(data)) throw new OpenEmrNotFoundError('not found in OpenEMR', endpoint, status);
  return data ?? {};
}

function errorFrom400(body: unknown, endpoint: string, status: number): Error {
  if (isObj(body)) {
    if ('validationErrors' in body && hasEntries(body.validationErrors)) return validationOrNotFound(body.validationErrors, endpoint, status);
    const message = typeof body.message === 'string' ? body.message : '';
    if (/revoked|logged out/i.test(message)) return new OpenEmrAuthError('OpenEMR service session was revoked', endpoint, status);
    if (looksLikeValidationMap(body)) return new OpenEmrValidationError('OpenEMR rejected the input', body as ValidationErrors, endpoint, status);
  }
  return new OpenEmrProtocolError(`unexpected 400`, endpoint, status);
}

// An unknown patient uuid is a 400 {"validationErrors":{"uuid":{"invalid or nonexisting value": ...}}}, not a 404.
function validationOrNotFound(errors: unknown, endpoint: string, status: number): Error {
  if (isObj(errors)) {
    const keys = Object.keys(errors);
    const idKeys = keys.filter((k) => /(^|_)(p?uuid|pid|id)$/i.test(k));
    const nonexisting = idKeys.length === keys.length && idKeys.every((k) => JSON.stringify(errors[k]).toLowerCase().includes('nonexisting'));
    if (nonexisting) return new OpenEmrNotFoundError('not found in OpenEMR', endpoint, status);
    return new OpenEmrValidationError('OpenEMR rejected the input', errors, endpoint, status);
  }
  return new OpenEmrValidationError('OpenEMR rejected the input', { errors }, endpoint, status);
}

/** Particle's {field: {"Rule::CODE": "message"}} map, which some routes return as the whole body. */
export function looksLikeValidationMap(body: unknown): boolean {
  if (!isObj(body)) return false;
  const values = Object.values(body);
  return values.length > 0 && values.every((v) => isObj(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.includes('::')));
}
