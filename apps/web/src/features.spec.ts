import { ESLint } from 'eslint';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const features = join(__dirname, 'features');

const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports messages ESLint (the repository's own config) gives `code` written at `file`. */
async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, 'apps/web/src', file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('web features are used only through their index.ts', () => {
  it('every feature folder has one', () => {
    const folders = readdirSync(features, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.length).toBeGreaterThan(10);
    expect(folders.filter((f) => !existsSync(join(features, f.name, 'index.ts'))).map((f) => f.name)).toEqual([]);
  });

  it('lint refuses a deep import into another feature, from any depth, and from the router or the layout', async () => {
    const cases: [string, string][] = [
      ['features/sessions/components/New.tsx', "import { getCase } from '../../cases/api/cases';"],
      ['features/sessions/New.ts', "import { getCase } from '../cases/api/cases';"],
      ['features/impact/components/charts/New.tsx', "import { x } from '../../../../features/cases/caseForm';"],
      ['router.tsx', "import { casePages } from './features/cases/pages';"],
      ['layout/New.tsx', "import { NotificationsLink } from '../features/community/components/NotificationsLink';"],
    ];
    for (const [file, code] of cases) {
      expect(await restrictedImports(file, `${code}\nexport const used = 1;\n`), file).toEqual([
        expect.stringContaining('through its index.ts'),
      ]);
    }
  });

  it('lint lets a feature be imported through its index, and a feature import its own files and the shared ones', async () => {
    const code = [
      "import { getCase } from '../../cases';",
      "import { getSession } from '../api/sessions';",
      "import { useAction } from '../../../lib/useAction';",
      "import { Field } from '../../../components/Field';",
    ].join('\n');
    expect(await restrictedImports('features/sessions/components/New.tsx', code)).toEqual([]);
    expect(await restrictedImports('router.tsx', "import { casePages } from './features/cases';")).toEqual([]);
  });
});
