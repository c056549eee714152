import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * Embedded default for OPENEMR_BASE_URL: run the simulator as a separate process on a loopback port.
 * The server never imports the simulator; it talks to it over HTTP exactly as to OpenEMR.
 */
export async function startSimulatorProcess(opts: { latencyMs: number; timeZone: string }): Promise<{ url: string; stop(): Promise<void> }> {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
  const main = path.join(repoRoot, 'packages/openemr-sim/src/main.ts');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', '--host', '127.0.0.1'], {
    cwd: repoRoot,
    env: { ...process.env, SIM_LATENCY_MS: String(opts.latencyMs), SIM_TZ: opts.timeZone },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the OpenEMR simulator did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the OpenEMR simulator exited with code ${code}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; url?: string };
        if (msg.event === 'listening' && msg.url) {
          clearTimeout(timer);
          resolve(msg.url);
        }
      } catch {
        /* not our line */
      }
    });
  });
  const onExit = () => child.kill('SIGTERM');
  process.once('exit', onExit);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', onExit);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
