import smartScopes from '../data/smart-scopes.json';

const FHIR_RESOURCES = new Set(['AllergyIntolerance', 'Appointment', 'Binary', 'CarePlan', 'CareTeam', 'Condition', 'Coverage', 'Device',
  'DiagnosticReport', 'DocumentReference', 'Encounter', 'Goal', 'Group', 'Immunization', 'Location', 'Medication', 'MedicationRequest',
  'Observation', 'Organization', 'Patient', 'Person', 'Practitioner', 'PractitionerRole', 'Procedure', 'Provenance', 'ValueSet',
  'OperationDefinition', 'Media', 'MedicationDispense', 'Questionnaire', 'QuestionnaireResponse', 'RelatedPerson', 'ServiceRequest', 'Specimen']);
const API_RESOURCES = new Set(['allergy', 'appointment', 'dental_issue', 'document', 'drug', 'employer', 'encounter', 'facility', 'immunization',
  'insurance', 'insurance_company', 'insurance_type', 'list', 'medical_problem', 'medication', 'message', 'patient', 'practitioner',
  'prescription', 'procedure', 'product', 'soap_note', 'surgery', 'transaction', 'user', 'version', 'vital']);
const NAMED = new Set(smartScopes.filter((s) => !s.includes('/')).concat(['launch/patient', 'system/*.$export', 'system/*.$bulkdata-status']));

export const SERVER_SCOPES: string[] = smartScopes;

export function isKnownScope(scope: string): boolean {
  if (NAMED.has(scope)) return true;
  const m = /^(patient|user|system)\/([A-Za-z_]+)\.(read|write|c?r?u?d?s?|\$export|\$docref|\$bulkdata-status)(\?.+)?$/.exec(scope);
  if (!m || m[3] === '') return false;
  const res = m[2] ?? '';
  return FHIR_RESOURCES.has(res) || API_RESOURCES.has(res);
}

export function firstUnknownScope(scopes: string[]): string | undefined {
  return scopes.find((s) => !isKnownScope(s));
}

export function splitScopes(s: unknown): string[] {
  return typeof s === 'string' ? s.split(/\s+/).filter(Boolean) : [];
}

/** Does a token's scope list permit an operation on a resource in a context (v1 read/write or v2 letters)? */
export function permits(scopes: string[], ctx: string, resource: string, op: 'r' | 's' | 'c' | 'u' | 'd'): boolean {
  return scopes.some((s) => {
    const m = /^(\w+)\/([A-Za-z_]+)\.([^?]+)/.exec(s);
    if (!m || m[1] !== ctx || m[2] !== resource) return false;
    const perm = m[3] ?? '';
    if (perm === 'read') return op === 'r' || op === 's';
    if (perm === 'write') return op === 'c' || op === 'u' || op === 'd';
    return /^[cruds]+$/.test(perm) && perm.includes(op);
  });
}
