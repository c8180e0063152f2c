import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first (docs/architecture.md, "Layers"): a module imports only from its own layer or
 * those below it. Layers on one line are siblings and import neither each other.
 */
const LAYERS = [
  ['src/config'],
  ['src/errors.ts'],
  ['src/db'],
  ['src/auth'],
  ['src/audit'],
  ['src/graphql'],
  ['src/federation'],
  ['src/subgraphs'],
  ['src/seed'],
  ['src/commands', 'src/server'],
  ['src/cli.ts'],
];
const SUBGRAPHS = ['audit', 'charity', 'community', 'linkage', 'organization', 'socialwork', 'volunteer'];

const layerZones = LAYERS.flatMap((layer, index) =>
  layer.map((target) => ({
    target,
    from: [...layer.filter((sibling) => sibling !== target), ...LAYERS.slice(index + 1).flat()],
    message: 'Imports run downwards only: see the layers in docs/architecture.md.',
  })),
).filter((zone) => zone.from.length);

const INLINE_GRAPHQL = 'Write the document in schema/operations/console/ and use its generated TypedDocumentNode.';

const zones = [
  ...layerZones,
  // A subgraph imports no other subgraph's code, nor the registry that lists them all (docs/rules.md, rule 1).
  ...SUBGRAPHS.map((name) => ({
    target: `src/subgraphs/${name}`,
    from: 'src/subgraphs',
    except: [`./${name}`],
    message: 'A subgraph imports no other subgraph (docs/rules.md, rule 1).',
  })),
  // The bot is a client of the hub over HTTP (rule 7); the product imports neither tests nor benchmarks.
  { target: 'bots', from: ['src', 'test', 'bench'], message: 'The bot talks to the hub over HTTP only (rule 7).' },
  {
    target: 'console',
    from: ['src', 'test', 'bench', 'bots'],
    message: 'The console talks to the hub over HTTP only (rule 7).',
  },
  { target: 'src', from: ['bots', 'test', 'bench', 'console'] },
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.stryker-tmp/',
      'reports/',
      'node_modules/',
      'data/',
      'coverage/',
      'src/db/migrations/*-*.ts',
      'bots/resident/generated/',
      'test/helpers/generated/',
      'console/src/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      // Within a layer too: no module needs, at run time, a module that needs it (type-only imports are free).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Every request of the console is a document of schema/operations/console/ (validated by schema:check), sent as
    // its generated TypedDocumentNode: no GraphQL written inline.
    files: ['console/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['urql', '@urql/core'].map((name) => ({ name, importNames: ['gql'], message: INLINE_GRAPHQL })),
          patterns: [{ group: ['graphql-tag', 'graphql'], message: INLINE_GRAPHQL }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'Property[key.name="query"] > :matches(Literal, TemplateLiteral)', message: INLINE_GRAPHQL },
      ],
    },
  },
);
