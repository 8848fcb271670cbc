// ESLint for the whole repository: `npm run lint`. Type-aware (typescript-eslint
// reads tsconfig.json), so promise and type mistakes are caught as well as
// unused code. Formatting is Prettier's job, not this file's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * What the content script must never bundle: it runs in every news page, so it
 * stays small and holds no database or schema code (the background answers by
 * message: lib/messages.ts). test/unit/content-script-imports.test.ts checks
 * the same boundary through every import, not only the direct ones.
 */
const CONTENT_SCRIPT_FORBIDDEN = [
  {
    regex: '(^|/)(db|background)(/.*)?$',
    message: 'lib/db and lib/background run in the background: ask them by message (lib/messages.ts).',
  },
  { regex: '(^|/)(matcher|trie)$', message: 'Detection runs in the background (docs/adr/0006): the matcher stays there.' },
  { regex: '(^|/)corpus/(schema|validate)$', message: 'Pack validation (zod) runs in the background.' },
  { regex: '^(zod|dexie)(/.*)?$', message: 'zod and Dexie belong to the background and the extension pages.' },
];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'coverage/', 'artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-eval': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
      // Props and options declare their callbacks as methods (`onClose(): void`);
      // passing one on is how they are used, and none reads `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Security (README, "Privacy and permissions"): what ships builds elements, never HTML from strings.
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Build elements; never HTML from strings.' },
        {
          selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Build elements; never HTML from strings.',
        },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build elements; never HTML from strings.' },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
          message: 'Build elements; never HTML from strings.',
        },
      ],
    },
  },
  {
    // Fakes in tests implement async interfaces without awaiting anything; tests
    // read JSON back (a manifest, the CLI's output) and cast Testing Library's
    // elements to the input they are, which the type-aware rules would have spelled out.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['entrypoints/content/**', 'entrypoints/reader-ui.ts', 'lib/page/**', 'lib/reading/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: CONTENT_SCRIPT_FORBIDDEN.map((p) => ({ ...p, allowTypeImports: true })) },
      ],
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
