import { startSimulator } from './index';
import type { Knobs } from './types';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? process.env.SIM_PORT ?? 0);
  const host = arg('host') ?? process.env.SIM_HOST ?? '127.0.0.1';
  const knobsText = arg('knobs') ?? process.env.SIM_KNOBS;
  const knobs: Knobs = knobsText ? (JSON.parse(knobsText) as Knobs) : {};
  const latency = arg('latency-ms') ?? process.env.SIM_LATENCY_MS;
  if (latency !== undefined) knobs.defaultLatencyMs = Number(latency);
  const sim = await startSimulator({
    port, host, knobs, clinicTimeZone: process.env.SIM_TZ ?? 'America/New_York',
    ...(process.env.SIM_ANCHOR_DATE ? { anchorDate: process.env.SIM_ANCHOR_DATE } : {}),
  });
  // The portal reads exactly this one stdout line to learn where we listen; everything else goes to stderr.
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: sim.url })}\n`);
  const stop = (sig: string) => {
    process.stderr.write(`openemr-sim: ${sig}, closing\n`);
    sim.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`openemr-sim failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
