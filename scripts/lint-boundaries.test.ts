// The architecture's import rules are enforced by lint; this proves the rules fire on the files they guard.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'portico/import-boundaries').map((m) => m.message);
}

describe('architecture boundaries in lint', () => {
  it('the server never imports the simulator', async () => {
    expect(await importErrors('apps/server/src/modules/x/service.ts', "import { startSimulator } from '@portico/openemr-sim';\nexport const s = startSimulator;\n")).toHaveLength(1);
    expect(await importErrors('apps/server/src/modules/x/service.ts', "import { x } from '../../../../../packages/openemr-sim/src/index';\nexport const s = x;\n")).toHaveLength(1);
  });

  it('web features do not import each other, but may use shared components', async () => {
    const other = "import { ResultsPage } from '../../results/components/results-page';\nexport const p = ResultsPage;\n";
    expect(await importErrors('apps/web/src/features/dashboard/components/x.tsx', other)).toHaveLength(1);
    const shared = "import { Card } from '../../../components/ui/card';\nexport const c = Card;\n";
    expect(await importErrors('apps/web/src/features/dashboard/components/x.tsx', shared)).toHaveLength(0);
  });

  it('the web app and the domain package never import the OpenEMR client', async () => {
    const code = "import { createOpenEmrClient } from '@portico/openemr';\nexport const c = createOpenEmrClient;\n";
    expect(await importErrors('apps/web/src/lib/x.ts', code)).toHaveLength(1);
    expect(await importErrors('packages/domain/src/x.ts', code)).toHaveLength(1);
    expect(await importErrors('packages/contracts/src/x.ts', code)).toHaveLength(1);
  });
});
