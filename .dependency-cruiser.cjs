// Dependency rules of DESIGN.md's layers, checked over the whole import graph by
// dependency-cruiser (`npm run depcruise`; part of `npm test` and `npm run check`).
// ESLint's no-restricted-imports (eslint.config.mjs) checks the same layers one import at a
// time while you type; the rules here also catch what one layer reaches THROUGH another
// (`reachable`), cycles, and UI features importing each other.
//
// Every rule is `severity: 'error'`: `depcruise` exits non-zero on any violation.
// test/unit/depcruise/rules.test.ts proves each kind of rule fails on a fixture tree.

/** npm packages that are UI or SharePoint, by the path they resolve to (in a git worktree
 * node_modules is a symlink, so the resolved path may be ../main/node_modules/...). */
const UI_PACKAGES = '(^|/)node_modules/(react|react-dom|@fluentui|@microsoft/teams-js|react-i18next)/';
const PNP = '(^|/)node_modules/@pnp/';


/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles hide layering mistakes and make start-up order matter.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain imports nothing of the project outside the domain (DESIGN.md layers).',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'domain-no-io-no-ui',
      severity: 'error',
      comment: 'src/domain has no I/O, no UI and no SharePoint: no Node built-ins, React, Fluent, PnPjs.',
      from: { path: '^src/domain/' },
      to: {
        path: [UI_PACKAGES, PNP, '(^|/)node_modules/better-sqlite3/'],
      },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      comment: 'src/domain is pure: no node: built-ins (fs, http, path, crypto ...).',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'data-knows-no-outer-layer',
      severity: 'error',
      comment: 'src/data knows SharePoint and the domain only: never ui, notify, teams, cli, local or app.',
      from: { path: '^src/data/' },
      to: { path: '^src/(ui|notify|teams|cli|local|app)/' },
    },
    {
      name: 'data-no-ui-packages',
      severity: 'error',
      comment: 'src/data knows no UI packages.',
      from: { path: '^src/data/' },
      to: { path: UI_PACKAGES },
    },
    {
      name: 'app-imports-domain-only',
      severity: 'error',
      comment:
        'src/app (use cases) calls the domain and the ports it defines; generic helpers may live in src/lib. ' +
        'Adapters (data, notify, ...) are passed in by the composition roots.',
      from: { path: '^src/app/' },
      to: { path: '^src/', pathNot: '^src/(app|domain|lib)/' },
    },
    {
      name: 'app-no-ui-or-sharepoint-packages',
      severity: 'error',
      comment: 'src/app runs in the tab, the CLI and Functions alike: no React, Fluent, Teams or PnPjs.',
      from: { path: '^src/app/' },
      to: { path: [UI_PACKAGES, PNP, '(^|/)node_modules/better-sqlite3/'] },
    },
    {
      name: 'lib-is-generic',
      severity: 'error',
      comment: 'src/lib holds generic helpers (retry, concurrency): it imports nothing of the project.',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'no-feature-imports-another-feature',
      severity: 'error',
      comment:
        'A UI feature never reaches another feature, directly or through other modules: what two ' +
        'features share lives in src/ui/components or src/app; src/ui/app composes the features.',
      from: { path: '^src/ui/features/([^/]+)/' },
      to: { reachable: true, path: '^src/ui/features/([^/]+)/', pathNot: '^src/ui/features/$1/' },
    },
    {
      name: 'ui-components-know-no-feature',
      severity: 'error',
      comment: 'src/ui/components are shared by features, so they import none.',
      from: { path: '^src/ui/components/' },
      to: { path: '^src/ui/features/' },
    },
    {
      name: 'notify-reaches-no-pnp',
      severity: 'error',
      comment:
        'src/notify builds cards and sends them: it reaches no @pnp/* module, not even through src/data.',
      from: { path: '^src/notify/' },
      to: { reachable: true, path: PNP },
    },
    {
      name: 'notify-no-outer-layer',
      severity: 'error',
      comment: 'src/notify never imports ui, teams, cli or local (nor React/Fluent).',
      from: { path: '^src/notify/' },
      to: { path: ['^src/(ui|teams|cli|local)/', UI_PACKAGES] },
    },
    {
      name: 'local-imports-domain-schema-i18n',
      severity: 'error',
      comment:
        'src/local (the embedded list server) may import the domain, src/lib, the list schema (src/data/schema), ' +
        'the data mappers that write its demo data, and i18n; never ui or anything else.',
      from: { path: '^src/local/' },
      to: { path: '^src/', pathNot: '^src/(local|domain|lib|i18n|data/schema|data/mappers)/' },
    },
    {
      name: 'cli-never-ui',
      severity: 'error',
      comment: 'src/cli is entry points: it may import anything but the tab.',
      from: { path: '^src/cli/' },
      to: { path: ['^src/ui/', UI_PACKAGES] },
    },
    {
      name: 'i18n-imports-only-its-locales',
      severity: 'error',
      comment: 'src/i18n imports nothing of the project but its own catalogues.',
      from: { path: '^src/i18n/' },
      to: { path: '^src/', pathNot: '^src/i18n/' },
    },
    {
      name: 'functions-never-ui-or-local',
      severity: 'error',
      comment: 'src/functions (the Azure Functions app) never imports the tab or the embedded server.',
      from: { path: '^src/functions/' },
      to: { path: ['^src/(ui|local)/', UI_PACKAGES] },
    },
    {
      name: 'transfer-domain-only',
      severity: 'error',
      comment: 'src/transfer reads and writes files over the domain (and exceljs, papaparse) only, as in ESLint.',
      from: { path: '^src/transfer/' },
      to: { path: ['^src/', UI_PACKAGES, PNP], pathNot: '^src/(transfer|domain)/' },
    },
    {
      name: 'ui-never-sharepoint',
      severity: 'error',
      comment: 'The tab and src/teams never touch SharePoint code directly: schema, local, cli, notify job, PnPjs.',
      from: { path: '^src/(ui|teams)/' },
      to: {
        path: ['^src/(data/schema|local|cli)/', '^src/notify/(setup|job)', PNP, '(^|/)node_modules/better-sqlite3/'],
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage|test/artifacts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
