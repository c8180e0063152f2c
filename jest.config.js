// Tests run from TypeScript sources through swc, which keeps the decorator metadata type-graphql and TypeORM read.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The console's browser tests need the built console and Chromium: npm run test:console.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/console/'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 120000,
  // One worker on two cores would otherwise run every file in jest's own process, where what each file leaves
  // behind adds up (the MariaDB pass ran out of heap after 63 files); a worker over this is replaced between files.
  workerIdleMemoryLimit: '1GB',
  // Known leak, to be found: on MariaDB, test/integration/public-cache.test.ts's "Redis going down" case leaves a
  // handle open after every test passed (SQLite and PostgreSQL exit), and jest would then wait forever. Exit once the
  // results are in; jest still prints its open-handle warning.
  forceExit: true,
};
