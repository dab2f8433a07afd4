// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Prettier wraps code at 140; what it cannot split (strings, templates, regular expressions, URLs, the rows of a
      // Markdown table in a doc comment) may run longer.
      'max-len': [
        'error',
        {
          code: 140,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreUrls: true,
          ignorePattern: '^\\s*\\* \\|',
        },
      ],
    },
  },
  {
    // The core is pure: adapters (Action, app, CLI) depend on it, never the other way round.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*'], message: 'src/core must not import the Actions toolkit; pass values in from src/action.' },
            { group: ['probot', 'probot/*'], message: 'src/core must not import probot; pass values in from app/.' },
            { group: ['**/action/**', '**/cli/**', '**/app/**'], message: 'src/core must not import an adapter.' },
          ],
        },
      ],
    },
  },
);
