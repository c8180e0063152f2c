// Mutation testing of the rule modules (`npm run test:mutation`): each mutant runs only the fast unit tests that
// reach the mutated line, so a run takes minutes. The score must stay at 80 % or the run fails.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      roots: ['<rootDir>/test/unit'],
      // These two reach no rule module: tokens.test.ts runs the built CLI, remote-lookups.test.ts loads every
      // subgraph's schema; together they would add half a minute to every mutant that is loaded at start-up.
      testPathIgnorePatterns: [
        '/node_modules/',
        '/test/unit/tokens\\.test\\.ts$',
        '/test/unit/remote-lookups\\.test\\.ts$',
      ],
    },
  },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/auth/policy.ts',
    'src/graphql/state-machine.ts',
    'src/subgraphs/linkage/need.state.ts',
    'src/subgraphs/linkage/need.due.ts',
    'src/subgraphs/linkage/project.state.ts',
    'src/graphql/scoring.ts',
    'src/graphql/rounding.ts',
    'src/subgraphs/volunteer/ledger.ts',
    'src/subgraphs/organization/credit-code.ts',
    'src/db/region-scope.ts',
  ],
  ignorePatterns: ['dist', 'data', 'reports', 'coverage'],
  thresholds: { high: 90, low: 80, break: 80 },
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  concurrency: 2,
};
