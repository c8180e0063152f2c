// The console's browser tests: Chromium (Playwright) against a seeded hub serving the built console.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config file, like jest.config.js itself
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/console'],
  testPathIgnorePatterns: [],
  // One Chromium and one hub per file: files run one after another on a 2-core machine.
  maxWorkers: 1,
  testTimeout: 180000,
};
