import type { PatientSummary } from '@portico/contracts';
import { CircuitBreaker } from './circuit-breaker';
import { FhirClient } from './fhir-client';
import { HttpClient } from './http';
import { patientFromRest, type RestPatient } from './mappers/patient';
import { OpenEmrPatientEhr } from './patient-ehr';
import { PractitionerNames } from './practitioners';
import { RestClient } from './rest-client';
import { TokenManager } from './token-manager';
import { Transport } from './transport';
import type { OpenEmrClient, OpenEmrHooks, OpenEmrSettings, OpenEmrTuning, PatientLink, TokenStore } from './types';

export interface OpenEmrClientInternals {
  http: HttpClient;
  tokens: TokenManager;
  fhir: FhirClient;
  rest: RestClient;
}

/** The composition root of this package: one breaker, one token manager and one HTTP client per OpenEMR site. */
export function createOpenEmrClient(
  settings: OpenEmrSettings & OpenEmrTuning,
  tokenStore: TokenStore,
  hooks: OpenEmrHooks = {},
): OpenEmrClient & { internals: OpenEmrClientInternals } {
  const breaker = new CircuitBreaker({ failureThreshold: settings.breakerFailureThreshold, cooldownMs: settings.breakerCooldownMs });
  const http = new HttpClient({
    timeoutMs: settings.timeoutMs, retries: settings.retries, retryBaseDelayMs: settings.retryBaseDelayMs, breaker,
    onCall: hooks.onCall ? (o) => hooks.onCall?.(o) : undefined,
  });
  const tokens = new TokenManager(http, settings, tokenStore, hooks);
  const transport = new Transport(http, tokens, settings.baseUrl, settings.site);
  const fhir = new FhirClient(transport, settings.maxFhirPages);
  const rest = new RestClient(transport);
  const practitioners = new PractitionerNames(fhir);

  return {
    internals: { http, tokens, fhir, rest },
    forPatient(link: PatientLink) {
      return new OpenEmrPatientEhr(link, fhir, rest, settings.clinicTimeZone, hooks, practitioners, settings.appointmentCategories);
    },
    async getPatient(uuid: string) {
      return patientFromRest(await rest.one<RestPatient>({ template: 'api/patient/:puuid', params: { puuid: uuid } }));
    },
    async findPatientsByEmail(email: string): Promise<PatientSummary[]> {
      const wanted = email.trim().toLowerCase();
      if (wanted === '') return [];
      const records = await rest.list<RestPatient>({ template: 'api/patient', query: { email: email.trim() } });
      // OpenEMR's email filter is exact in some builds and "contains" in others; only an exact match identifies.
      return records
        .map(patientFromRest)
        .filter((p) => p.email?.trim().toLowerCase() === wanted)
        .map(({ email: _email, ...summary }) => summary);
    },
    async ensureServiceToken() {
      await tokens.accessToken();
    },
    async ping() {
      // A one-row authenticated standard-API read: proves the token, api:oemr and the ACL, and is cheap.
      await rest.list({ template: 'api/patient', query: { _limit: '1' } });
    },
  };
}
