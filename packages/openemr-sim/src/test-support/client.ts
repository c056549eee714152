import type { RunningSimulator } from '../index';

export const USER_SCOPES = 'openid offline_access api:oemr api:fhir user/Patient.read user/Observation.read user/patient.read user/appointment.read user/procedure.read';
export const PATIENT_SCOPES = 'openid offline_access api:port api:fhir patient/Patient.read patient/Observation.read patient/patient.read';

export async function passwordGrant(sim: RunningSimulator, fields: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sim.url}/oauth2/default/token`, {
    method: 'POST', body: new URLSearchParams({ grant_type: 'password', client_id: sim.seed.clientId, ...fields }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function userToken(sim: RunningSimulator): Promise<{ access: string; refresh: string }> {
  const { body } = await passwordGrant(sim, { user_role: 'users', username: 'admin', password: 'pass', scope: USER_SCOPES });
  return { access: String(body.access_token), refresh: String(body.refresh_token) };
}

export const bearer = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });
