// Jest is split into projects by kind so each runs alone (`npm run test:unit` ...).
// TypeScript is transformed by SWC (fast, no type-check); `tsc --noEmit` type-checks
// separately in `npm test`. PnPjs ships ESM only, so it is transformed too.
const swc = (tsx) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  transform: {
    '^.+\\.tsx$': swc(true),
    '^.+\\.ts$': swc(false),
    '^.+\\.m?js$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp|strip-bom)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'ui',
      testEnvironment: '<rootDir>/test/ui/jsdom-with-fetch-env.js',
      testMatch: ['<rootDir>/test/ui/**/*.test.tsx'],
      setupFiles: ['<rootDir>/test/ui/setup-globals.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/ui/setup.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      // The tab is built once, before the journeys' workers start.
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
    },
  ],
  // Jest's default on two cores is ONE worker (cores - 1). The UI and end-to-end files spend much of
  // their time waiting on the embedded server and Chromium, so two workers keep both cores busy.
  maxWorkers: 2,
};
