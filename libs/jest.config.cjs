/** Specs beside the code in the shared libraries. */
module.exports = {
  displayName: 'libs',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/*/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/deid/tsconfig.json' }],
  },
};
