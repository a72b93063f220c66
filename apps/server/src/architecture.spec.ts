import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** Lints `code` as if it were the file `filePath`, with the project's ESLint config; the messages. */
function lint(samples: { filePath: string; code: string }[], ruleId = 'no-restricted-imports'): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(root)} });
      const out = [];
      for (const s of ${JSON.stringify(samples)}) {
        const [r] = await eslint.lintText(s.code, { filePath: s.filePath });
        out.push(r.messages.filter((m) => m.ruleId === ${JSON.stringify(ruleId)}).map((m) => m.message));
      }
      console.log(JSON.stringify(out));
    })();`;
  return JSON.parse(execFileSync('node', ['-e', script], { cwd: root, encoding: 'utf8' })) as string[][];
}

describe('the server is a kernel and sibling features', () => {
  it('docs/dependencies.md is the picture of the imports as they are, and no import breaks the shape', () => {
    const check = spawnSync('node', ['scripts/server-architecture.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('the kernel has no import cycle left (auth ↔ programs ↔ realtime, the last, is broken)', () => {
    const script = `
      import { KNOWN_KERNEL_CYCLES, kernelCycles } from './scripts/server-architecture.mjs';
      console.log(JSON.stringify([KNOWN_KERNEL_CYCLES, kernelCycles()]));`;
    const out = execFileSync('node', ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([[], []]);
  });

  it('fails on a new import cycle in the kernel (config ↔ media and config ↔ storage are broken)', () => {
    const script = `
      import { imports, newKernelCycles } from './scripts/server-architecture.mjs';
      const added = [{ from: 'jobs', to: 'mail' }, { from: 'mail', to: 'jobs' }];
      console.log(JSON.stringify([newKernelCycles(), newKernelCycles([...imports(), ...added])]));`;
    const out = execFileSync('node', ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([[], [['jobs', 'mail']]]);
  });

  it('lint refuses a deep import into another feature and any kernel import of a feature', () => {
    const src = (path: string) => join(root, 'apps/server/src', path);
    const [deep, kernelUp, throughIndex, kernelDown] = lint([
      {
        filePath: src('cases/sample.ts'),
        code: "import { SessionsService } from '../sessions/sessions.service';\nexport const s = SessionsService;\n",
      },
      {
        filePath: src('auth/entities/sample.ts'),
        code: "import { EchoCase } from '../../cases';\nexport const c = EchoCase;\n",
      },
      {
        filePath: src('cases/sample.ts'),
        code: "import { SessionsService } from '../sessions';\nexport const s = SessionsService;\n",
      },
      {
        filePath: src('cases/sample.ts'),
        code: "import { AuthService } from '../auth/auth.service';\nexport const a = AuthService;\n",
      },
    ]);
    expect(deep).toEqual([expect.stringContaining('Import the sessions feature from its index')]);
    expect(kernelUp).toEqual([expect.stringContaining('The kernel imports no feature (cases)')]);
    expect(throughIndex).toEqual([]);
    expect(kernelDown).toEqual([]);
  }, 300_000);

  it('lint refuses queries outside a records module (getRepository, a DataSource manager), and only there', () => {
    const src = (path: string) => join(root, 'apps/server/src', path);
    const service = `import { DataSource } from 'typeorm';
      export class Sample {
        constructor(private readonly db: DataSource) {}
        a() { return this.db.getRepository('User').find(); }
        b() { return this.db.manager.find('User'); }
        c(caller: { manager: boolean }) { return caller.manager; }
      }
`;
    const [inService, inRecords, inMigration] = lint(
      [
        { filePath: src('cases/sample.service.ts'), code: service },
        { filePath: src('cases/sample.records.ts'), code: service },
        { filePath: src('database/migrations/1764142000000-sample.ts'), code: service },
      ],
      'no-restricted-syntax',
    );
    // getRepository and db.manager; `caller.manager` (a flag, no DataSource) is not a query
    expect(inService).toEqual([
      expect.stringContaining('<feature>.records.ts'),
      expect.stringContaining('<feature>.records.ts'),
    ]);
    expect(inRecords).toEqual([]);
    expect(inMigration).toEqual([]);
  }, 300_000);
});
