// Three tiers (STYLE.md): unit specs beside the code, integration specs per app
// against real PostgreSQL / RabbitMQ / Chromium / SMTP, end-to-end with processes.
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  moduleNameMapper: {
    // The generated contracts (~700 kB of TypeScript, rebuilt with every proto change) are
    // loaded as compiled, as the services load them: transpiling them cold cost a unit
    // spec seconds. `npm run build` in libs/contracts writes src/gen and dist together.
    '^@chasqui/contracts$': '<rootDir>/libs/contracts/dist',
    '^@chasqui/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  rootDir: __dirname,
};

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.spec.ts', '<rootDir>/tests/static/*.spec.ts'],
    },
    {
      ...base,
      displayName: 'int',
      // Also the deploy/ checks that run kubectl, promtool and the schema validator.
      testMatch: ['<rootDir>/{apps,libs}/*/test/**/*.int-spec.ts', '<rootDir>/tests/static/*.int-spec.ts'],
      slowTestThreshold: 30,
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'], slowTestThreshold: 120 },
    // Faults under load (process kills, broker and database restarts, SMTP failures); CHAOS_SIZE sets the load.
    { ...base, displayName: 'chaos', testMatch: ['<rootDir>/tests/chaos/**/*.chaos-spec.ts'], slowTestThreshold: 300 },
  ],
};
