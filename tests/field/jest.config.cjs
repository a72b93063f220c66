/** Unit specs of the field tests' own tools (the delay relay); the field scenarios themselves run in Playwright (run.mjs). */
module.exports = {
  displayName: 'field',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
};
