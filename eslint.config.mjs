import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { SERVER_FEATURES, SERVER_KERNEL, SERVER_KERNEL_WITH_INDEX } from './scripts/server-architecture.mjs';

/**
 * The web app's features (apps/web/src/features/X) reach each other only through their index.ts. Refused: from
 * anywhere in src, an import that enters the features folder and goes on into a feature's files
 * ('../features/cases/api/cases'); from a feature's file (up to three folders deep), one that climbs to the
 * features folder and goes into a sibling's files ('../../cases/api/cases'). Inside a feature anything goes.
 */
const intoAFeature = '(\\./|(\\.\\./)+)features/[a-z][\\w-]*/';
const webFeatureBoundaries = [
  { files: ['apps/web/src/**/*.{ts,tsx}'], ignores: ['apps/web/src/features/**'], regex: `^${intoAFeature}` },
  ...['', '*/', '*/*/', '*/*/*/'].map((below, depth) => ({
    files: [`apps/web/src/features/*/${below}*.{ts,tsx}`],
    regex: `^(${'\\.\\./'.repeat(depth + 1)}[a-z][\\w-]*/|${intoAFeature})`,
  })),
];

/**
 * The server's shape (docs/architecture.md; the folder lists are in scripts/server-architecture.mjs): a kernel
 * that every feature may use, and sibling features that use each other only through their index.ts. A deep
 * import into another feature fails, and so does any import from the kernel into a feature (invert it: an
 * event, or a registry the feature fills from its module).
 */
function serverArchitecture() {
  const from = (folder) => ['../', '../../', '../../../'].map((up) => up + folder);
  return [...SERVER_FEATURES, ...SERVER_KERNEL].map((folder) => {
    const feature = SERVER_FEATURES.includes(folder);
    const patterns = SERVER_FEATURES.filter((f) => f !== folder).map((f) =>
      feature
        ? { group: from(`${f}/*`), message: `Import the ${f} feature from its index (../${f}), not a file inside it.` }
        : {
            group: [...from(f), ...from(`${f}/*`)],
            message: `The kernel imports no feature (${f}): let the feature register with the kernel, or emit an event.`,
          },
    );
    for (const k of feature ? SERVER_KERNEL_WITH_INDEX : []) {
      patterns.push({ group: from(`${k}/*`), message: `Import ${k} from ../${k} (its index).` });
    }
    return {
      files: [`apps/server/src/${folder}/**/*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns }] },
    };
  });
}

/**
 * Data access at the seams (docs/architecture.md, "Data access"): a feature's queries live in its
 * `<feature>.records.ts`; services, controllers and modules keep the rules and call named queries. Refused
 * elsewhere in the server: `getRepository` and a DataSource's `.manager`. The database kernel, migrations, the
 * seed and specs may. No other file is excepted: every feature's queries have moved into its records.
 */
const queriesInRecords = {
  files: ['apps/server/src/**/*.ts'],
  ignores: [
    'apps/server/src/**/*.records.ts',
    'apps/server/src/database/**',
    'apps/server/src/seed/**',
    'apps/server/src/**/*.spec.ts',
  ],
  rules: {
    'no-restricted-syntax': [
      'error',
      ...[
        "MemberExpression[property.name='getRepository']",
        "MemberExpression[property.name='manager'][object.name=/^(db|dataSource|ds|connection)$/]",
        "MemberExpression[property.name='manager'][object.property.name=/^(db|dataSource|ds|connection)$/]",
      ].map((selector) => ({
        selector,
        message: "Queries belong in the feature's <feature>.records.ts (see sessions/sessions.records.ts).",
      })),
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'apps/server/dist-*/**',
      '**/node_modules/**',
      '.nx/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@nx': nx },
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Architecture: libs import nothing from apps; web and server never import each other.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:bench', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    // Shared libraries stay free of framework code so the web bundle never pulls it in.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['@nestjs/*', 'typeorm', 'react', 'react-dom', 'mediasoup', 'mediasoup-client', 'class-validator'],
        },
      ],
    },
  },
  {
    // Decorated Nest classes need their constructor parameter types at runtime.
    files: ['apps/server/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  ...serverArchitecture(),
  queriesInRecords,
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: reactHooks.configs.recommended.rules,
  },
  ...webFeatureBoundaries.map(({ regex, ...where }) => ({
    ...where,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex, message: "Import a feature through its index.ts ('../../cases', not '../../cases/api')." },
          ],
        },
      ],
    },
  })),
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
);
