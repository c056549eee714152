export * from './types';
export * from './errors';
export { createOpenEmrClient, type OpenEmrClientInternals } from './client';
export { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker';
export { HttpClient, type HttpClientOptions, type HttpRequest, type HttpResponse, type HttpMethod } from './http';
export {
  SERVICE_SCOPES, registerClient, passwordGrant, refresh, buildAuthorizationRequest, exchangeAuthorizationCode,
  type AuthorizationRequest, type ClientCredentials, type OAuthEndpoint, type RegisteredClient, type TokenResponse,
} from './oauth';
export { TokenManager } from './token-manager';
export { FhirClient, MAX_FHIR_PAGES } from './fhir-client';
export { RestClient, interpretRest } from './rest-client';
export { appointmentStatus } from './mappers/appointments';
