import type { Binary, Bundle, Resource } from '@medplum/fhirtypes';
import { OpenEmrNotFoundError, OpenEmrProtocolError } from './errors';
import type { HttpResponse } from './http';
import type { Transport } from './transport';

/** More pages than this means something is wrong (a loop, or a search that is not patient-scoped). */
export const MAX_FHIR_PAGES = 50;

export class FhirClient {
  constructor(private readonly transport: Transport, private readonly maxPages: number = MAX_FHIR_PAGES) {}

  /**
   * Every match of a search, following link[relation=next] until there is none. `_count` is never relied on
   * (OpenEMR 7.0.2 treats it as a filter and answers total 0).
   */
  async search<T extends Resource = Resource>(resourceType: T['resourceType'], query: Record<string, string>): Promise<T[]> {
    const template = `fhir/${resourceType}`;
    const out: T[] = [];
    const seen = new Set<string>();
    let url: string | undefined;
    for (let page = 0; ; page++) {
      if (page >= this.maxPages) throw new OpenEmrProtocolError(`FHIR search exceeded ${this.maxPages} pages`, `GET ${template}`);
      const res = await this.transport.call({ method: 'GET', template, query: url ? undefined : query, url });
      const bundle = parseJson(res, `GET ${template}`) as Bundle;
      if (res.status !== 200 || bundle?.resourceType !== 'Bundle') {
        throw new OpenEmrProtocolError(`FHIR search did not answer a Bundle (${res.status})`, `GET ${template}`, res.status);
      }
      for (const entry of bundle.entry ?? []) {
        if (entry.search?.mode === 'outcome') continue;
        if (entry.resource?.resourceType === resourceType) out.push(entry.resource as T);
      }
      const next = bundle.link?.find((l) => l.relation === 'next')?.url;
      if (!next) return out;
      url = this.sameServer(next, template);
      if (seen.has(url)) throw new OpenEmrProtocolError('FHIR paging loops', `GET ${template}`);
      seen.add(url);
    }
  }

  /** Read by id. OpenEMR answers an unknown id with 404 and the body `[]`. */
  async read<T extends Resource = Resource>(resourceType: T['resourceType'], id: string): Promise<T> {
    const template = `fhir/${resourceType}/:id`;
    const res = await this.transport.call({ method: 'GET', template, params: { id } });
    if (res.status === 404) throw new OpenEmrNotFoundError(`${resourceType} not found`, `GET ${template}`, 404);
    const body = parseJson(res, `GET ${template}`) as T | null;
    if (res.status !== 200 || body?.resourceType !== resourceType) {
      throw new OpenEmrProtocolError(`unexpected FHIR read answer (${res.status})`, `GET ${template}`, res.status);
    }
    return body;
  }

  /** Binary download; accepts both a raw body and a FHIR Binary resource with base64 `data`. */
  async binary(id: string): Promise<{ contentType: string; body: Buffer }> {
    const template = 'fhir/Binary/:id';
    const res = await this.transport.call({ method: 'GET', template, params: { id }, headers: { accept: '*/*' } });
    if (res.status === 404) throw new OpenEmrNotFoundError('Binary not found', `GET ${template}`, 404);
    if (res.status !== 200) throw new OpenEmrProtocolError(`unexpected Binary answer (${res.status})`, `GET ${template}`, res.status);
    const contentType = (res.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]!.trim();
    if (contentType === 'application/fhir+json' || contentType === 'application/json') {
      const parsed = parseJson(res, `GET ${template}`) as Binary | null;
      if (parsed?.resourceType === 'Binary') {
        return { contentType: parsed.contentType ?? 'application/octet-stream', body: Buffer.from(parsed.data ?? '', 'base64') };
      }
    }
    return { contentType, body: res.body };
  }

  /**
   * OpenEMR builds next links from its configured public address, which may differ from the address we call, and a
   * link must never carry our token to another host: keep only the part after /fhir/ and put it on our base.
   */
  private sameServer(next: string, template: string): string {
    const i = next.indexOf('/fhir/');
    if (i < 0) throw new OpenEmrProtocolError('FHIR next link is not a FHIR URL', `GET ${template}`);
    return `${this.transport.apisBase}fhir/${next.slice(i + '/fhir/'.length)}`;
  }
}

function parseJson(res: HttpResponse, endpoint: string): unknown {
  const text = res.body.toString('utf8').trim();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new OpenEmrProtocolError(`non-JSON FHIR answer (${res.status})`, endpoint, res.status);
  }
}
