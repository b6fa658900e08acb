/**
 * The dependency rules (.dependency-cruiser.cjs) can fail: the project's own config is run over
 * tiny fixture trees written to a temporary folder, one that breaks each kind of rule and one
 * that keeps them, and the violations dependency-cruiser reports are compared by rule and module.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const BIN = join(ROOT, 'node_modules', '.bin', 'depcruise');

interface Violation {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

const TSCONFIG = JSON.stringify({
  compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true },
  include: ['src'],
});

function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'depcruise-fixture-'));
  writeFileSync(join(dir, 'tsconfig.json'), TSCONFIG);
  // The fixture resolves npm packages (@pnp/sp) from the project's own install.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Runs `depcruise` as `npm run depcruise` does (default text reporter) and reads its report. */
function cruise(dir: string): Promise<{ status: number | null; violations: Violation[]; text: string }> {
  return new Promise((done, fail) => {
    const child = spawn(BIN, ['--config', CONFIG, 'src'], { cwd: dir });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', fail);
    child.on('close', (status) => {
      // "  error <rule>: <from> → <to>", followed for reachable rules and cycles by the path.
      const violations = [...text.matchAll(/^ {2}error ([\w-]+): (\S+) → (\S*)$/gm)].map(([, rule, from, to]) => ({
        rule: rule ?? '',
        from: from ?? '',
        to: to ?? '',
      }));
      done({ status, violations, text });
    });
  });
}

const has = (violations: readonly Violation[], rule: string, from: string, to: string) =>
  violations.some((v) => v.rule === rule && v.from === from && v.to.endsWith(to));

jest.setTimeout(60_000);

/** Breaks each kind of rule once. */
const BROKEN_TREE: Record<string, string> = {
  // review -> its own helper -> actionPlan: only a transitive rule sees this.
  'src/ui/features/review/ReviewPage.tsx': "import { helper } from './helper';\nexport const page = helper;\n",
  'src/ui/features/review/helper.ts':
    "import { ActionFields } from '../actionPlan/ActionFields';\nexport const helper = ActionFields;\n",
  'src/ui/features/actionPlan/ActionFields.tsx': 'export const ActionFields = 1;\n',
  // the same feature importing itself is fine
  'src/ui/features/actionPlan/ActionPage.tsx':
    "import { ActionFields } from './ActionFields';\nexport const p = ActionFields;\n",
  // notify -> data -> @pnp/sp
  'src/notify/cards.ts': "import { sp } from '../data/sp';\nexport const cards = sp;\n",
  'src/data/sp.ts': "import { spfi } from '@pnp/sp';\nexport const sp = spfi;\n",
  // domain with I/O and reaching out of the domain
  'src/domain/rules.ts':
    "import { readFileSync } from 'node:fs';\nimport { cards } from '../notify/cards';\nexport const r = [readFileSync, cards];\n",
  // data importing the tab
  'src/data/repo.ts': "import { page } from '../ui/features/review/ReviewPage';\nexport const repo = page;\n",
  // app importing an adapter
  'src/app/registerCollaboration.ts': "import { sp } from '../data/sp';\nexport const useCase = sp;\n",
  // a cycle
  'src/transfer/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
  'src/transfer/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
};

/** Keeps the layers: features share through ui/components, the router composes them, app uses the domain. */
const CLEAN_TREE: Record<string, string> = {
  'src/ui/components/StatusLabel.tsx': 'export const StatusLabel = 1;\n',
  'src/ui/features/review/ReviewPage.tsx':
    "import { StatusLabel } from '../../components/StatusLabel';\nexport const page = StatusLabel;\n",
  'src/ui/features/actionPlan/ActionPage.tsx':
    "import { StatusLabel } from '../../components/StatusLabel';\nexport const page = StatusLabel;\n",
  'src/ui/app/router.ts':
    "import { page as a } from '../features/review/ReviewPage';\nimport { page as b } from '../features/actionPlan/ActionPage';\nexport const routes = [a, b];\n",
  'src/domain/rules.ts': 'export const rule = (today: string) => today;\n',
  'src/app/registerCollaboration.ts': "import { rule } from '../domain/rules';\nexport const useCase = rule;\n",
  'src/notify/cards.ts': "import { rule } from '../domain/rules';\nexport const cards = rule;\n",
  'src/data/sp.ts':
    "import { spfi } from '@pnp/sp';\nimport { rule } from '../domain/rules';\nexport const sp = [spfi, rule];\n",
};

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  const dirs: string[] = [];
  let broken: ReturnType<typeof cruise>;
  let clean: ReturnType<typeof cruise>;
  beforeAll(() => {
    dirs.push(writeTree(BROKEN_TREE), writeTree(CLEAN_TREE));
    // Both cruises run at once: each is a Node process of a few seconds.
    broken = cruise(dirs[0] ?? '');
    clean = cruise(dirs[1] ?? '');
  });
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('fail with each rule named when a tree breaks them, a feature reaching another one transitively included', async () => {
    const { status, violations, text } = await broken;

    expect(status).not.toBe(0);
    expect(text).toContain('no-feature-imports-another-feature');
    expect(
      has(
        violations,
        'no-feature-imports-another-feature',
        'src/ui/features/review/ReviewPage.tsx',
        'src/ui/features/actionPlan/ActionFields.tsx',
      ),
    ).toBe(true);
    expect(
      has(
        violations,
        'no-feature-imports-another-feature',
        'src/ui/features/review/helper.ts',
        'src/ui/features/actionPlan/ActionFields.tsx',
      ),
    ).toBe(true);
    expect(violations.some((v) => v.from === 'src/ui/features/actionPlan/ActionPage.tsx')).toBe(false);
    expect(has(violations, 'notify-reaches-no-pnp', 'src/notify/cards.ts', '@pnp/sp/index.js')).toBe(true);
    expect(has(violations, 'domain-no-node-builtins', 'src/domain/rules.ts', 'fs')).toBe(true);
    expect(has(violations, 'domain-is-pure', 'src/domain/rules.ts', 'src/notify/cards.ts')).toBe(true);
    expect(
      has(violations, 'data-knows-no-outer-layer', 'src/data/repo.ts', 'src/ui/features/review/ReviewPage.tsx'),
    ).toBe(true);
    expect(has(violations, 'app-imports-domain-only', 'src/app/registerCollaboration.ts', 'src/data/sp.ts')).toBe(true);
    expect(violations.some((v) => v.rule === 'no-circular' && v.from.startsWith('src/transfer/'))).toBe(true);
  });

  it('pass a tree that keeps the layers: features share through ui/components, app uses the domain', async () => {
    const { status, violations, text } = await clean;

    expect(violations).toEqual([]);
    expect(status).toBe(0);
    expect(text).toContain('no dependency violations found');
  });
});
