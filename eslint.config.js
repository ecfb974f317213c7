// Lint rules: typescript-eslint's recommended set, plus the rule that keeps shared/ a pure domain.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'net',
  'http',
  'https',
  'stream',
  'zlib',
  'crypto',
  'exceljs',
  'bullmq',
  'ioredis',
  'fastify',
  'yauzl',
  'react',
  'react-dom',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'data/**', 'coverage/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        globalThis: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.flatMap((name) => [
            { name, message: 'shared/ is the pure domain: no I/O, no Office.js, no exceljs, no Redis.' },
            { name: `node:${name}`, message: 'shared/ is the pure domain: no I/O.' },
          ]),
          patterns: [
            {
              group: ['../worker/*', '../../worker/*', '../addin/*', '../../addin/*'],
              message: 'shared/ must not depend on adapters.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'Office.js belongs in addin/' },
        { name: 'Office', message: 'Office.js belongs in addin/' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'shared/ has no clock: pass the time in.' },
      ],
    },
  },
);
