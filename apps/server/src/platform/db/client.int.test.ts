import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';

const dir = mkdtempSync(path.join(os.tmpdir(), 'portico-pglite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database (PGlite) in a data directory', () => {
  it('refuses a second process while one holds it, and is free again once closed', async () => {
    const pgdata = path.join(dir, 'pgdata');
    const first = await openDatabase({ pgliteDir: pgdata });
    const script = `import('${path.resolve(__dirname, 'client.ts')}').then(m => m.openDatabase({ pgliteDir: '${pgdata}' })).then(() => process.exit(0), e => { console.error(e.message); process.exit(3); })`;
    const second = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    expect(second.status).toBe(3);
    expect(second.stderr).toMatch(/in use by another Portico process \(pid \d+\)/);
    await first.close();
    const again = await openDatabase({ pgliteDir: pgdata });
    await again.close();
  }, 60_000);

  it('takes over a lock left by a process that is gone', async () => {
    const pgdata = path.join(dir, 'stale');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'stale.lock'), '999999');
    const db = await openDatabase({ pgliteDir: pgdata });
    expect(db.kind).toBe('pglite');
    await db.close();
  }, 60_000);
});
