// The public surface of @portico/openemr. The server codes against these types only.
import type {
  Allergy, Appointment, DocumentSummary, Immunization, LabResult, Medication, PatientSummary, Problem, VitalReading,
} from '@portico/contracts';

export interface OpenEmrSettings {
  /** e.g. https://emr.example.org (no trailing slash, may include a webroot such as /openemr) */
  baseUrl: string;
  site: string;
  clientId: string;
  clientSecret?: string;
  /** Service account for the password grant (user_role=users), where the site allows it. */
  serviceUsername?: string;
  servicePassword?: string;
  /** IANA zone OpenEMR's local, offset-less times are in (the clinic's zone). */
  clinicTimeZone: string;
  /** Per-attempt timeout. Defaults 10 s. */
  timeoutMs?: number;
  /** Retries for idempotent reads. Defaults 2. */
  retries?: number;
  /**
   * Names of the clinic's calendar categories by pc_catid. OpenEMR 7.0.2's appointment API gives only the id;
   * defaults to the categories OpenEMR ships with.
   */
  appointmentCategories?: Record<string, string>;
}

/** Stored OAuth2 tokens for the service account. The server persists them encrypted. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  /** epoch ms */
  expiresAt: number;
  scope: string;
}

/**
 * Persistence for the service account's tokens. `refreshExclusive` must run `fn` under a deployment-wide lock
 * (OpenEMR revokes the old access token on refresh, so two concurrent refreshes would break each other):
 * it re-reads the current tokens inside the lock and passes them to fn, then saves fn's result.
 */
export interface TokenStore {
  load(): Promise<TokenSet | null>;
  save(tokens: TokenSet): Promise<void>;
  refreshExclusive(fn: (current: TokenSet | null) => Promise<TokenSet>): Promise<TokenSet>;
}

export interface CallObservation {
  /** A route template with no ids or PHI, e.g. "GET fhir/Observation" or "GET api/patient/:pid/appointment". */
  endpoint: string;
  status: number | 'timeout' | 'network';
  durationMs: number;
  ok: boolean;
}

export interface SecurityEvent {
  kind: 'foreign-patient-record-dropped';
  endpoint: string;
  resourceType: string;
  /** Ids only, never names or values. */
  expectedPatient: string;
  count: number;
}

export interface OpenEmrHooks {
  onCall?(obs: CallObservation): void;
  onSecurityEvent?(event: SecurityEvent): void;
  log?: { warn(obj: object, msg?: string): void; info(obj: object, msg?: string): void };
}

export interface PatientLink {
  uuid: string;
  pid: string;
}

/** Everything Portico reads for one linked patient. Every call names that patient; foreign records are dropped. */
export interface PatientEhr {
  patient(): Promise<PatientSummary>;
  labs(): Promise<LabResult[]>;
  vitals(): Promise<VitalReading[]>;
  medications(): Promise<Medication[]>;
  allergies(): Promise<Allergy[]>;
  problems(): Promise<Problem[]>;
  immunizations(): Promise<Immunization[]>;
  appointments(): Promise<Appointment[]>;
  documents(): Promise<DocumentSummary[]>;
  /** Throws OpenEmrNotFoundError when the document is not this patient's. */
  downloadDocument(id: string): Promise<{ contentType: string; filename: string; body: Buffer }>;
}

/** What createOpenEmrClient returns. */
export interface OpenEmrClient {
  forPatient(link: PatientLink): PatientEhr;
  /** GET api/patient/:uuid. Unknown uuid -> OpenEmrNotFoundError. */
  getPatient(uuid: string): Promise<PatientSummary & { email: string | null }>;
  /** GET api/patient?email= ; OpenEMR matches exactly, the result is filtered again case-insensitively. */
  findPatientsByEmail(email: string): Promise<PatientSummary[]>;
  /** Makes sure a usable service token exists (password grant when configured). */
  ensureServiceToken(): Promise<void>;
  /** A cheap authenticated call for readiness checks. */
  ping(): Promise<void>;
}

/** Optional tuning, mostly for tests. Defaults are production values. */
export interface OpenEmrTuning {
  /** First retry delay; doubles per retry with jitter. Default 200 ms. */
  retryBaseDelayMs?: number;
  /** Consecutive failed calls that open the circuit breaker. Default 5. */
  breakerFailureThreshold?: number;
  /** How long the breaker stays open before a trial call. Default 30 s. */
  breakerCooldownMs?: number;
  /** FHIR search pages followed before failing loudly. Default 50. */
  maxFhirPages?: number;
}
