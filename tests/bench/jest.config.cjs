/** Unit specs of the bench's own tools (its results file and the README table); the bench itself is `npm run bench`. */
module.exports = {
  displayName: 'bench',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
};
