import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Every word a person reads comes from messages/<language>/*.json through next-intl, so that it exists in both
    // languages (messages/messages.test.ts). Text in JSX and in the props that carry words is refused here; what is
    // not a word (punctuation, a separator) is allowed.
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    rules: {
      'react/jsx-no-literals': [
        'error',
        {
          noStrings: true,
          ignoreProps: true,
          allowedStrings: [
            '·',
            '—',
            '–',
            '(',
            ')',
            ':',
            '/',
            '…',
            '×',
            '+',
            '-',
            '•',
            ',',
            '.',
            '%',
            '#',
            '→',
            '←',
            '|',
            '*',
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label|description|hint|reason|summary|heading|message|fallback|prefix|.*Label|.*Text|.*Message)$/] > Literal[value=/[A-Za-z]{2}/]',
          message: 'Words a person reads come from messages (useTranslations / getTranslations), not string literals.',
        },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label|description|hint|reason|summary|heading|message|fallback|prefix|.*Label|.*Text|.*Message)$/] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{3}/]',
          message:
            'Words a person reads come from messages (useTranslations / getTranslations), not template literals.',
        },
        {
          // A word chosen by a condition: {failed ? 'Failed' : 'Done'}, title={a ? 'Open' : undefined}.
          selector:
            ':matches(JSXElement, JSXFragment, JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label|description|hint|reason|summary|heading|message|fallback|prefix|.*Label|.*Text|.*Message)$/]) > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=/[A-Za-z]{2}/]',
          message: 'Words a person reads come from messages (useTranslations / getTranslations), not string literals.',
        },
      ],
    },
  },
  // Formatting is Prettier's (npm run lint runs prettier --check); ESLint keeps to what Prettier does not decide.
  prettier,
  globalIgnores([
    '.next/**',
    '.data/**',
    'lib/generated/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
]);
