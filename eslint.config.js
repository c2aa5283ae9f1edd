// One linter for the whole tree. Besides the usual TypeScript rules it enforces the
// seams of the design: the engine has no ambient time, randomness, DOM or Node, and
// each layer imports only what it may (see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const engineNoAmbient = {
  'no-restricted-globals': [
    'error',
    { name: 'Date', message: 'Take time from the engine clock (sim-engine/clock.ts).' },
    { name: 'setTimeout', message: 'Schedule on the engine clock (clock.after).' },
    { name: 'setInterval', message: 'Schedule on the engine clock (clock.after).' },
    { name: 'setImmediate', message: 'Schedule on the engine clock (clock.after).' },
    { name: 'queueMicrotask', message: 'Use a promise; the engine has no ambient scheduler.' },
    { name: 'performance', message: 'Take time from the engine clock.' },
    { name: 'crypto', message: 'Take randomness from the seeded generator (sim-engine/random.ts).' },
    { name: 'window', message: 'The engine has no DOM.' },
    { name: 'document', message: 'The engine has no DOM.' },
    { name: 'process', message: 'The engine has no Node APIs.' },
    { name: 'Buffer', message: 'The engine has no Node APIs; use strings or Uint8Array.' },
    { name: 'fetch', message: 'The engine never reaches the network.' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use the seeded generator (sim-engine/random.ts).' },
  ],
};

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream'];
const restrictImports = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test/fidelity/golden/', 'test/fidelity/scenarios/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/sim-engine/**/*.ts'],
    ignores: ['src/sim-engine/**/*.test.ts', 'src/sim-engine/**/*.bench.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...engineNoAmbient,
      ...restrictImports(
        [
          { group: ['node:*'], message: 'The engine has no Node APIs.' },
          {
            group: ['**/lab/*', '**/components/*', '**/node/*'],
            message: 'The engine imports nothing above it.',
          },
        ],
        NODE_BUILTINS.map((name) => ({ name, message: 'The engine has no Node APIs.' })),
      ),
    },
  },
  {
    // The CLI and the grader reach the engine through the Engine API only, as the real
    // docker CLI reaches dockerd over REST.
    files: ['src/sim-engine/cli/**/*.ts', 'src/sim-engine/grader/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      ...engineNoAmbient,
      ...restrictImports(
        [
          { group: ['node:*'], message: 'The engine has no Node APIs.' },
          {
            // anchored to the engine's own folders (`../…/network/`), not docker's
            // command folders of the same names under cli/commands/; the CLI may use
            // images/reference.ts, the parser it vendors from distribution/reference
            regex:
              '^(\\.\\./)+(daemon|store|swarm|runtime|network)/|^(\\.\\./)+builder/(?!progress/|dockerignore/)|^(\\.\\./)+images/(?!reference\\.ts$)|^(\\.\\./)+api/(router|routes)',
            message: 'cli/ and grader/ talk to the engine through api/ (client and types) only.',
          },
        ],
        NODE_BUILTINS.map((name) => ({ name, message: 'The engine has no Node APIs.' })),
      ),
    },
  },
  {
    files: ['src/lab/**/*.ts'],
    rules: restrictImports([
      { group: ['**/components/*'], message: 'lab/ is below the components.' },
      {
        group: ['**/sim-engine/*/**'],
        message: "lab/ uses the engine's public index (src/sim-engine/index.ts) only.",
      },
    ]),
  },
  {
    files: ['src/components/**/*.ts'],
    rules: restrictImports([
      {
        group: ['**/sim-engine/*/**'],
        message: 'Components use lab/ and the engine types from src/sim-engine/index.ts only.',
      },
    ]),
  },
  {
    files: ['e2e/**/*.ts'],
    rules: restrictImports([{ group: ['**/src/**'], message: 'e2e tests drive the built site, not src/.' }]),
  },
);
