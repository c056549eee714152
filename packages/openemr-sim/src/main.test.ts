import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('CLI', () => {
  it('prints one listening line, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'main.ts'), '--port', '0', '--latency-ms', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => { out += b.toString(); if (out.includes('\n')) resolve(out.split('\n')[0] ?? ''); });
      child.on('exit', (c) => reject(new Error(`exited ${c}`)));
    });
    const msg = JSON.parse(line) as { event: string; url: string };
    expect(msg.event).toBe('listening');
    expect(msg.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${msg.url}/__sim/health`)).status).toBe(200);
    const code = await new Promise<number | null>((resolve) => { child.on('exit', resolve); child.kill('SIGTERM'); });
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
  }, 20_000);
});
