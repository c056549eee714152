import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { buildAuthorizationRequest, exchangeAuthorizationCode, registerClient, SERVICE_SCOPES } from '@portico/openemr';
import { bootstrap } from '../bootstrap';
import { loadConfig } from '../config';
import { accountsRepo } from '../modules/accounts/repo';
import { AccountInputError, accountsService, validateAccountInput } from '../modules/accounts/service';
import { loadMasterKey, Sealer } from '../platform/crypto';
import { openDatabase } from '../platform/db/client';
import { createLogger } from '../platform/log';
import { dbTokenStore } from '../platform/token-store';

const USAGE = `Usage: npm run admin -- <command> [options]
  accounts:create --email <e> --patient <openemr-patient-uuid> --password <p>
      Create a portal account linked to one OpenEMR patient (looked up in OpenEMR to confirm it exists).
  openemr:register --base-url <url> [--site default] [--redirect-port 8765]
      Register Portico as a confidential OpenEMR API client; prints OPENEMR_CLIENT_ID / _SECRET.
  openemr:connect [--redirect-port 8765]
      One-time authorization-code + PKCE connect of the service account; the refresh token is stored encrypted.`;

const fail = (msg: string): never => {
  process.stderr.write(`${msg}\n`);
  process.exit(2);
};

async function accountsCreate(values: Record<string, string | undefined>): Promise<void> {
  const { email, patient, password } = values;
  if (!email || !patient || !password) fail(`accounts:create needs --email, --patient and --password\n\n${USAGE}`);
  try {
    validateAccountInput({ email: email!, password: password! });
  } catch (err) {
    fail((err as Error).message);
  }
  const config = loadConfig();
  const log = createLogger('warn');
  const runtime = await bootstrap(config, log);
  try {
    const found = await runtime.deps.openemr.getPatient(patient!).catch((err: Error) => fail(`OpenEMR has no patient ${patient} (${err.name})`));
    const { account } = await accountsService(accountsRepo(runtime.deps.database.db)).createOrUpdate({ email: email!, password: password!, patientUuid: found.uuid, patientPid: found.pid });
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
  await dbTokenStore(database.db, new Sealer(loadMasterKey(config.masterKey, config.dataDir))).save(tokens);
  await database.close();
  process.stdout.write(`Connected. Stored the service account's tokens (encrypted); refresh token ${tokens.refreshToken ? 'present' : 'MISSING: was offline_access granted?'}.\n`);
}

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { email: { type: 'string' }, patient: { type: 'string' }, password: { type: 'string' }, 'base-url': { type: 'string' }, site: { type: 'string' }, 'redirect-port': { type: 'string' } },
  strict: true,
});
const commands: Record<string, (v: typeof values) => Promise<void>> = { 'accounts:create': accountsCreate, 'openemr:register': openemrRegister, 'openemr:connect': openemrConnect };
const run = command ? commands[command] : undefined;
if (!run) fail(USAGE);
run!(values).then(
  () => process.exit(0),
  (err: Error) => fail(`${command} failed: ${err.message}`),
);
