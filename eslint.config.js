import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

/** Core `src/`: every file under `src/` except the entry layer `src/entry/`. */
const CORE = ['src/*.ts', 'src/!(entry)/**/*.ts'];

/** The platform libraries only adapters may load, as the folders their imports resolve to. */
const PLATFORM_LIBRARIES = [
  './node_modules/@slack/bolt',
  './node_modules/discord.js',
  './node_modules/@discordjs/ws',
];

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'data/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Layers point one way: core src/ <- adapters/ <- src/entry/. Imports are resolved to files
  // (`./x.js` names `./x.ts` under NodeNext), so a path written any way is caught.
  {
    files: ['src/**/*.ts', 'adapters/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.js', '.mjs', '.json', '.node'],
          extensionAlias: { '.js': ['.ts', '.js'] },
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: CORE,
              from: ['./adapters', './src/entry'],
              message: 'core src/ is platform-neutral: it imports no adapter and no entry module.',
            },
            {
              target: CORE,
              from: PLATFORM_LIBRARIES,
              message:
                'core src/ imports no platform library (@slack/bolt, discord.js); only adapters/ may.',
            },
            {
              target: './adapters',
              from: './src/entry',
              message: 'adapters/ import the core, never the entry layer that composes them.',
            },
          ],
        },
      ],
    },
  },
);
