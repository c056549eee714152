import { randomBytes } from 'node:crypto';
import type { OpenEmrClient } from '@portico/openemr';
import type { Db } from '../../platform/db/client';
import { accountsRepo } from './repo';
import { accountsService } from './service';

export const DEMO_EMAILS = ['patient@demo.portico.test', 'patient2@demo.portico.test'];

/**
 * Demo mode only: link one account per demo email to the simulator patient with that email, with the configured
 * password or a generated one (printed once at start).
 */
export async function ensureDemoAccounts(db: Db, openemr: OpenEmrClient, configured?: string): Promise<{ password: string; accounts: { email: string; patient: string }[] }> {
  const password = configured ?? `demo-${randomBytes(9).toString('base64url')}`;
  const service = accountsService(accountsRepo(db));
  const accounts: { email: string; patient: string }[] = [];
  for (const email of DEMO_EMAILS) {
    const [patient] = await openemr.findPatientsByEmail(email);
    if (!patient) throw new Error(`the simulator has no patient with email ${email}`);
    await service.createOrUpdate({ email, password, patientUuid: patient.uuid, patientPid: patient.pid, upsert: true });
    accounts.push({ email, patient: `${patient.givenName} ${patient.familyName}` });
  }
  return { password, accounts };
}
