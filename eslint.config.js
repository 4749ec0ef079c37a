import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-results/**', 'apps/server/src/db/migrations/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Module boundaries (STYLE.md): another module is reached only through its index.ts.
    // Table files may be imported directly, for foreign keys.
    files: ['apps/server/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[^./][^/]*/(?!.*\\.tables$).+',
              message: 'Import another module only through its index.ts (e.g. ../orgs).',
            },
          ],
        },
      ],
    },
  },
  {
    // Issue 9 point 5: an uploaded spreadsheet or CSV is read only through platform/spreadsheet
    // (worker thread, heap cap, size/row/column/cell limits). exceljs stays for writing workbooks.
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/platform/spreadsheet/**', '**/*.test.ts', 'apps/server/src/test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name=/^(xlsx|csv)$/][property.name=/^(load|read|readFile)$/]",
          message: 'Read uploaded spreadsheets/CSVs only through platform/spreadsheet (readTemplateRows, readSheetRows, readCsv).',
        },
        {
          selector: "MemberExpression[property.name='WorkbookReader']",
          message: 'Read uploaded spreadsheets only through platform/spreadsheet (readSheetRows streams in a capped worker).',
        },
      ],
    },
  },
  {
    // Every string a user typed is text, never HTML (issue 9: a station name ran script through a
    // Leaflet tooltip). These are the HTML sinks of the web app; render through React or textContent().
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML strings in React: render text (issue 9, stored XSS).' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'No innerHTML: use textContent or React.' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|write|writeln)$/]", message: 'No HTML insertion: use textContent or React.' },
        {
          selector: "CallExpression[callee.property.name=/^(bindTooltip|bindPopup|setTooltipContent|setPopupContent|setContent)$/]:not([arguments.0.callee.name='textContent'])",
          message: 'Leaflet parses a string as HTML: pass textContent(…) from shared/map/text-content.',
        },
        { selector: "CallExpression[callee.property.name='divIcon'] Property[key.name='html'][value.type=/^(TemplateLiteral|Literal|BinaryExpression)$/]", message: 'divIcon html strings are parsed as HTML: pass an element built with textContent.' },
        { selector: "Property[key.name='tooltip'] Property[key.name='formatter']", message: 'ECharts renders a tooltip formatter’s result as HTML: keep the default (escaped) tooltip or escape with echarts.format.encodeHTML.' },
      ],
    },
  },
  {
    // Tests use loose JSON bodies.
    files: ['**/*.test.ts', 'e2e/**', 'bench/**', 'scripts/cluster/**', 'apps/server/src/test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
