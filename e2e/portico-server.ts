// Starts Portico the way an operator does (`scripts/start.ts`) on a free port with a throw-away data directory.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningPortico {
  baseUrl: string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    const pid = child.pid;
    const hardKill = setTimeout(() => {
      try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(hardKill);
      resolve();
    });
    try { process.kill(-pid, 'SIGTERM'); } catch { resolve(); }
  });
}

/** `env` adds settings for this server only (for example a short idle timeout); a shared server cannot take them. */
export async function startPortico(password: string, timeoutMs = 150_000, env: Record<string, string> = {}): Promise<RunningPortico> {
  const existing = process.env.PORTICO_E2E_BASE_URL;
  if (existing && Object.keys(env).length === 0) return { baseUrl: existing.replace(/\/$/, ''), stop: async () => {} };

  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-e2e-'));
  // Embedded defaults, as the README's first command runs: CI's DATABASE_URL/REDIS_URL are for the integration suites.
  const { DATABASE_URL: _db, REDIS_URL: _redis, NODE_ENV: _env, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: repoRoot,
    env: { ...inherited, PORT: String(port), PORTICO_DATA_DIR: dataDir, PORTICO_DEMO_PASSWORD: password, ...env },
    detached: true, // its own process group, so stopping it also stops whatever it spawned
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  // The session cookie is __Host- and Secure; browsers accept that over plain HTTP for "localhost" only.
  const baseUrl = `http://localhost:${port}`;
  const healthUrl = `http://127.0.0.1:${port}/healthz`;
  const stop = async (): Promise<void> => {
    await stopGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Portico exited with code ${child.exitCode} before it was healthy. Its output:\n${output}`);
    }
    try {
      const res = await fetch(healthUrl);
      if (res.status === 200) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`Portico did not answer GET /healthz with 200 within ${timeoutMs} ms. Its output:\n${output}`);
}
