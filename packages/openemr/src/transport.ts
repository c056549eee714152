import { OpenEmrAuthError } from './errors';
import type { HttpClient, HttpMethod, HttpResponse } from './http';
import type { TokenManager } from './token-manager';

export interface RouteCall {
  method: HttpMethod;
  /** e.g. "api/patient/:pid/appointment" or "fhir/Observation"; becomes the observation endpoint. */
  template: string;
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  body?: string | URLSearchParams | FormData;
  /** An absolute URL to call instead (FHIR next links); the template still names the endpoint. */
  url?: string;
}

/** Authenticated calls under {baseUrl}/apis/{site}/. A 401 triggers one token renewal and one retry. */
export class Transport {
  readonly apisBase: string;

  constructor(private readonly http: HttpClient, private readonly tokens: TokenManager, baseUrl: string, site: string) {
    this.apisBase = `${baseUrl.replace(/\/+$/, '')}/apis/${encodeURIComponent(site)}/`;
  }

  endpointOf(call: Pick<RouteCall, 'method' | 'template'>): string {
    return `${call.method} ${call.template}`;
  }

  urlOf(call: RouteCall): string {
    if (call.url) return call.url;
    const path = call.template.replace(/:([a-zA-Z_]+)/g, (_m, name: string) => {
      const v = call.params?.[name];
      if (v === undefined || v === '') throw new Error(`missing route parameter ${name}`);
      return encodeURIComponent(v);
    });
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) q.set(k, v);
    const qs = q.toString();
    return `${this.apisBase}${path}${qs ? `?${qs}` : ''}`;
  }

  async call(call: RouteCall): Promise<HttpResponse> {
    const endpoint = this.endpointOf(call);
    const url = this.urlOf(call);
    const send = (token: string) =>
      this.http.send({
        method: call.method, url, endpoint, body: call.body,
        headers: { accept: 'application/json', ...call.headers, authorization: `Bearer ${token}` },
      });
    const token = await this.tokens.accessToken();
    let res = await send(token);
    if (res.status === 401) {
      const renewed = await this.tokens.renew(token);
      res = await send(renewed.accessToken);
    }
    if (res.status === 401 || res.status === 403) {
      throw new OpenEmrAuthError(`OpenEMR refused the service token (${res.status})`, endpoint, res.status);
    }
    return res;
  }
}
