/**
 * Unit specs beside the code, integration specs in test/ (real SQLite file, real mediasoup worker).
 * TEST_DATABASE=postgres runs them on PostgreSQL (see test/test-app.ts and test/global-setup.ts).
 */
module.exports = {
  displayName: 'server',
  testEnvironment: 'node',
  rootDir: __dirname,
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.integration-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@echo-hub/(protocol|deid)$': '<rootDir>/../../libs/$1/src/index.ts',
  },
};
