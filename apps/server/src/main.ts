import { buildApp } from './app';
import { bootstrap } from './bootstrap';
import { ConfigError, loadConfig } from './config';
import { ensureDemoAccounts } from './modules/accounts/demo';
import { httpsOptions } from './http/tls';
import { createLogger } from './platform/log';

async function main(): Promise<void> {
  const config = loadConfig();
  httpsOptions(config.tls); // an unreadable or mismatched certificate/key stops the start here, before any other work
  const log = createLogger(config.logLevel);
  const runtime = await bootstrap(config, log);
  const { deps } = runtime;
  await deps.openemr.ensureServiceToken().catch((err: Error) => log.warn({ err: err.message }, 'OpenEMR service token not available yet; /readyz will say so'));
  const demo = runtime.demoMode ? await ensureDemoAccounts(deps.database.db, deps.openemr, config.demoPassword) : null;

  const app = await buildApp(deps, { logger: log });
  const address = await app.listen({ port: config.port, host: config.host });
  const lines = [
    '',
    `Portico is running at ${address.replace('127.0.0.1', 'localhost')}${config.tls ? ' (TLS 1.2+, certificate from PORTICO_TLS_CERT_FILE)' : ''}`,
    `  database: ${deps.database.kind}${deps.database.kind === 'pglite' ? ` (${config.dataDir}/pgdata)` : ''}; cache: ${config.redisUrl ? 'redis' : 'in-process'}`,
    `  OpenEMR: ${runtime.demoMode ? `simulator at ${runtime.openemrUrl}` : runtime.openemrUrl}`,
  ];
  if (demo) {
    lines.push('  Demo sign-in (simulated clinic, synthetic patients):');
    for (const a of demo.accounts) lines.push(`    ${a.email}  (${a.patient})`);
    lines.push(`    password: ${demo.password}${config.demoPassword ? ' (from PORTICO_DEMO_PASSWORD)' : ' (generated; set PORTICO_DEMO_PASSWORD to choose one)'}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');

  const stop = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `Portico failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
