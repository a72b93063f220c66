/** Unit specs beside the code, integration specs in test/ (real SQLite file, real mediasoup worker). */
module.exports = {
  displayName: 'server',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.integration-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@echo-hub/(protocol|deid)$': '<rootDir>/../../libs/$1/src/index.ts',
  },
};
