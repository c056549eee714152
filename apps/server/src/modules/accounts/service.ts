import argon2 from 'argon2';
import { checkPassword, type PasswordCheck, type PasswordContext } from './password-policy';
import type { AccountsRepo, AccountRow } from './repo';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1).
const ARGON = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export class AccountInputError extends Error {
  /** Machine-readable password policy reasons (AUTH-01..05), when the password was refused. */
  constructor(message: string, readonly reasons: PasswordCheck['reasons'] = []) {
    super(message);
  }
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
/** NFKC so the same passphrase typed on different keyboards hashes the same (NIST 800-63B 5.1.1.2). */
export const normalizePassword = (password: string): string => password.normalize('NFKC');

export const hashPassword = (password: string): Promise<string> => argon2.hash(normalizePassword(password), ARGON);

/**
 * Checks an account's email and password (the password policy, with the email, clinic name and patient name as
 * context words) before anything else is done with them; throws AccountInputError with the policy's reasons.
 */
export function validateAccountInput(input: { email: string; password: string }, context: Omit<PasswordContext, 'email'> = {}): { email: string; password: string } {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new AccountInputError('email is not a valid address');
  const password = normalizePassword(input.password);
  const check = checkPassword(password, { ...context, email });
  if (!check.ok) throw new AccountInputError(`password refused: ${check.reasons.map((r) => `${r.message} (${r.code})`).join(' ')}`, check.reasons);
  return { email, password };
}

export function accountsService(repo: AccountsRepo, opts: { clinicName?: string } = {}) {
  return {
    /** Creates an account linked to one OpenEMR patient, or (upsert) re-links and resets an existing one. */
    async createOrUpdate(input: { email: string; password: string; patientUuid: string; patientPid: string; patientName?: string; upsert?: boolean }): Promise<{ account: AccountRow; created: boolean }> {
      const { email, password: pw } = validateAccountInput(input, { clinicName: opts.clinicName, names: input.patientName ? [input.patientName] : [] });
      const passwordHash = await hashPassword(pw);
      const existing = await repo.byEmail(email);
      if (existing) {
        if (!input.upsert) throw new AccountInputError('an account with this email already exists');
        await repo.update(existing.id, { passwordHash, openemrPatientUuid: input.patientUuid, openemrPatientPid: input.patientPid, status: 'active' });
        return { account: (await repo.byId(existing.id))!, created: false };
      }
      return { account: await repo.insert({ email, passwordHash, patientUuid: input.patientUuid, patientPid: input.patientPid }), created: true };
    },
  };
}
