/** Unit and integration tests of every project; run by `npm run test:unit` (and `npm test`). */
module.exports = {
  projects: [
    '<rootDir>/apps/server/jest.config.cjs',
    '<rootDir>/libs/jest.config.cjs',
    '<rootDir>/tests/field/jest.config.cjs',
    '<rootDir>/tests/bench/jest.config.cjs',
  ],
  testTimeout: 60000,
};
