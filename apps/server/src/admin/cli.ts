import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { buildAuthorizationRequest, exchangeAuthorizationCode, registerClient, SERVICE_SCOPES } from '@portico/openemr';
import { bootstrap } from '../bootstrap';
import { loadConfig } from '../config';
import { accountsRepo } from '../modules/accounts/repo';
import { auditPurgeCommand, auditVerifyCommand } from '../modules/audit/admin';
import { AccountInputError, accountsService, normalizeEmail, validateAccountInput } from '../modules/accounts/service';
import { accountKey, throttleService, unknownEmailKey } from '../modules/auth/throttle';
import { dbDataKeyStore, KeyRing, loadMasterKeys, reencryptStored, rewrapDataKeys, rotateDataKey } from '../platform/keys';
import { openDatabase } from '../platform/db/client';
import { createLogger } from '../platform/log';
import { dbTokenStore, resealTokens } from '../platform/token-store';

const USAGE = `Usage: npm run admin -- <command> [options]
  audit:verify
      Walk the audit hash chain from the latest anchor; exit 1 and name the first bad row when it is broken.
  audit:purge
      Delete audit rows older than PORTICO_AUDIT_RETENTION_DAYS (at least six years), anchoring the chain where it is cut.
  accounts:create --email <e> --patient <openemr-patient-uuid> --password <p>
      Create a portal account linked to one OpenEMR patient (looked up in OpenEMR to confirm it exists).
  accounts:unlock --email <e>
      Clear the sign-in failure counter (throttle and lock) of one account.
  openemr:register --base-url <url> [--site default] [--redirect-port 8765]
      Register Portico as a confidential OpenEMR API client; prints OPENEMR_CLIENT_ID / _SECRET.
  openemr:connect [--redirect-port 8765]
      One-time authorization-code + PKCE connect of the service account; the refresh token is stored encrypted.
  keys:rotate-data-key
      Make a new active data key; values sealed under older keys stay readable.
  keys:rewrap
      Re-wrap every data key with PORTICO_MASTER_KEY (master-key rotation; old key in PORTICO_MASTER_KEYS_PREVIOUS).
  keys:reencrypt
      Re-seal the stored OpenEMR tokens under the active data key, then mark data keys no longer used retired.`;

const fail = (msg: string): never => {
  process.stderr.write(`${msg}\n`);
  process.exit(2);
};

async function accountsCreate(values: Record<string, string | undefined>): Promise<void> {
  const { email, patient, password } = values;
  if (!email || !patient || !password) fail(`accounts:create needs --email, --patient and --password\n\n${USAGE}`);
  try {
    validateAccountInput({ email: email!, password: password! }, { clinicName: loadConfig().clinic.name });
  } catch (err) {
    fail((err as Error).message);
  }
  const config = loadConfig();
  const log = createLogger('warn');
  const runtime = await bootstrap(config, log);
  try {
    const found = await runtime.deps.openemr.getPatient(patient!).catch((err: Error) => fail(`OpenEMR has no patient ${patient} (${err.name})`));
    const { account } = await accountsService(accountsRepo(runtime.deps.database.db), { clinicName: config.clinic.name })
      .createOrUpdate({ email: email!, password: password!, patientUuid: found.uuid, patientPid: found.pid, patientName: `${found.givenName} ${found.familyName}` });
    process.stdout.write(`created account ${account.id} for ${account.email}, linked to OpenEMR patient ${found.uuid} (pid ${found.pid})\n`);
  } catch (err) {
    if (err instanceof AccountInputError) fail(err.message);
    throw err;
  } finally {
    await runtime.close();
  }
}

async function openemrRegister(values: Record<string, string | undefined>): Promise<void> {
  const baseUrl = values['base-url'] ?? fail('openemr:register needs --base-url');
  if (!URL.canParse(baseUrl!) || !/^https?:$/.test(new URL(baseUrl!).protocol)) fail(`--base-url must be an http(s) URL, e.g. https://emr.example.org (got ${baseUrl})`);
  const port = Number(values['redirect-port'] ?? 8765);
  const client = await registerClient(baseUrl!.replace(/\/+$/, ''), values.site ?? 'default', {
    client_name: 'Portico patient portal', application_type: 'private', redirect_uris: [`http://127.0.0.1:${port}/callback`], scope: SERVICE_SCOPES,
  });
  process.stdout.write(`OPENEMR_CLIENT_ID=${client.client_id}\nOPENEMR_CLIENT_SECRET=${client.client_secret}\n` +
    'An OpenEMR administrator must enable this client (Administration > System > API Clients) because it asks user/ scopes.\n');
}

async function openemrConnect(values: Record<string, string | undefined>): Promise<void> {
  const config = loadConfig();
  if (!config.openemr.baseUrl || !config.openemr.clientId) fail('openemr:connect needs OPENEMR_BASE_URL and OPENEMR_CLIENT_ID');
  const port = Number(values['redirect-port'] ?? 8765);
  const redirectUri = `http://127.0.0.1:${port}/callback`;
  const base = { baseUrl: config.openemr.baseUrl!, site: config.openemr.site, clientId: config.openemr.clientId!, clientSecret: config.openemr.clientSecret };
  const request = buildAuthorizationRequest({ ...base, redirectUri, scope: SERVICE_SCOPES, aud: `${base.baseUrl}/apis/${base.site}/fhir` });
  process.stdout.write(`Open this URL, sign in as Portico's OpenEMR service user and approve:\n\n  ${request.url}\n\nWaiting on ${redirectUri} ...\n`);
  const code = await new Promise<string>((resolve, reject) => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', redirectUri);
      if (url.pathname !== '/callback') return void res.writeHead(404).end();
      const ok = url.searchParams.get('state') === request.state && url.searchParams.get('code');
      res.writeHead(ok ? 200 : 400, { 'content-type': 'text/plain' }).end(ok ? 'Portico is connected. You can close this tab.' : 'Connection failed.');
      server.close();
      if (ok) resolve(url.searchParams.get('code')!);
      else reject(new Error(`authorization failed: ${url.searchParams.get('error') ?? 'state mismatch'}`));
    }).listen(port, '127.0.0.1');
  });
  const tokens = await exchangeAuthorizationCode({ ...base, code, codeVerifier: request.codeVerifier, redirectUri });
  const database = await openDatabase({ url: config.databaseUrl, pgliteDir: `${config.dataDir}/pgdata` });
  const ring = await KeyRing.open(dbDataKeyStore(database.db), loadMasterKeys(config.masterKey, config.masterKeysPrevious, config.dataDir));
  await dbTokenStore(database.db, ring).save(tokens);
  await database.close();
  process.stdout.write(`Connected. Stored the service account's tokens (encrypted); refresh token ${tokens.refreshToken ? 'present' : 'MISSING: was offline_access granted?'}.\n`);
}

/** The portal database and the master keys, for the keys:* commands (which never start the simulator or OpenEMR). */
async function withKeys<T>(fn: (k: { database: Awaited<ReturnType<typeof openDatabase>>; masters: ReturnType<typeof loadMasterKeys> }) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const masters = loadMasterKeys(config.masterKey, config.masterKeysPrevious, config.dataDir);
  const database = await openDatabase({ url: config.databaseUrl, pgliteDir: `${config.dataDir}/pgdata` });
  try {
    return await fn({ database, masters });
  } finally {
    await database.close();
  }
}

async function keysRotateDataKey(): Promise<void> {
  await withKeys(async ({ database, masters }) => {
    const store = dbDataKeyStore(database.db);
    await KeyRing.open(store, masters); // refuses to rotate when the current keys cannot be unwrapped
    const id = await rotateDataKey(store, masters);
    process.stdout.write(`New active data key ${id} (wrapped by master key ${masters.current.id}). Running instances use it within a minute; older keys stay readable.\n`);
  });
}

async function keysRewrap(): Promise<void> {
  await withKeys(async ({ database, masters }) => {
    const { rewrapped, current } = await rewrapDataKeys(dbDataKeyStore(database.db), masters);
    process.stdout.write(`Re-wrapped ${rewrapped.length} data key(s) with master key ${masters.current.id}${rewrapped.length ? ` (${rewrapped.join(', ')})` : ''}; ${current} already were.\n` +
      'Once every instance runs with this PORTICO_MASTER_KEY, PORTICO_MASTER_KEYS_PREVIOUS can be dropped.\n');
  });
}

async function keysReencrypt(): Promise<void> {
  await withKeys(async ({ database, masters }) => {
    const store = dbDataKeyStore(database.db);
    const ring = await KeyRing.open(store, masters);
    const { retired, active } = await reencryptStored(store, ring, (r) => resealTokens(database.db, r));
    process.stdout.write(`Re-sealed the stored OpenEMR tokens (if any) under data key ${active}; retired ${retired.length} data key(s)${retired.length ? ` (${retired.join(', ')})` : ''}.\n`);
  });
}

/** The audit commands open only the database (never OpenEMR or the simulator); exit 1 when the chain is broken. */
function auditCommand(run: (db: Parameters<typeof auditVerifyCommand>[0], retentionDays: number, out: (line: string) => void) => Promise<number>) {
  return async (): Promise<void> => {
    const config = loadConfig();
    const database = await openDatabase({ url: config.databaseUrl, pgliteDir: `${config.dataDir}/pgdata` });
    let code: number;
    try {
      code = await run(database.db, config.audit.retentionDays, (line) => void process.stdout.write(`${line}\n`));
    } finally {
      await database.close();
    }
    if (code !== 0) process.exit(code);
  };
}

/** Clears an account's sign-in throttle (AUTH-07); the MFA-backed self-service unlock comes later. */
async function accountsUnlock(values: Record<string, string | undefined>): Promise<void> {
  if (!values.email) fail(`accounts:unlock needs --email\n\n${USAGE}`);
  const email = normalizeEmail(values.email!);
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, pgliteDir: `${config.dataDir}/pgdata` });
  try {
    const account = await accountsRepo(database.db).byEmail(email);
    const cleared = await throttleService(database.db, config.signInThrottle).unlock([unknownEmailKey(email), ...(account ? [accountKey(account.id)] : [])]);
    process.stdout.write(account ? `unlocked ${account.email} (${cleared ? 'cleared its failure counter' : 'it had no failures'})\n` : `no account has the email ${email}; cleared ${cleared} counter(s)\n`);
  } finally {
    await database.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { email: { type: 'string' }, patient: { type: 'string' }, password: { type: 'string' }, 'base-url': { type: 'string' }, site: { type: 'string' }, 'redirect-port': { type: 'string' } },
  strict: true,
});
const commands: Record<string, (v: typeof values) => Promise<void>> = { 'accounts:create': accountsCreate, 'accounts:unlock': accountsUnlock, 'openemr:register': openemrRegister, 'openemr:connect': openemrConnect, 'keys:rotate-data-key': keysRotateDataKey, 'keys:rewrap': keysRewrap, 'keys:reencrypt': keysReencrypt };
commands['audit:verify'] = auditCommand((db, _days, out) => auditVerifyCommand(db, out));
commands['audit:purge'] = auditCommand((db, days, out) => auditPurgeCommand(db, days, out));
const run = command ? commands[command] : undefined;
if (!run) fail(USAGE);
run!(values).then(
  () => process.exit(0),
  (err: Error) => fail(`${command} failed: ${err.message}`),
);
