/**
 * Which way the server's imports may point (README, "Layout"). Checked by `npm test`
 * (test/architecture.test.ts through scripts/architecture.ts) and by hand with
 * `npx depcruise src --config .dependency-cruiser.cjs`.
 *
 * Layers, bottom up: `config/` and `common/` (shared, name no feature); the features; `db/`
 * (lists every entity), `ops/` (commands) and `server/` (wires everything; builds each request's
 * context). Cycles between top-level folders are checked on the folder graph by
 * scripts/architecture.ts, which dependency-cruiser's own rules cannot express for top-level
 * folders only.
 */
const FEATURES = 'activities|analytics|audit|auth|council|exports|funding|geography|iati|meetings|organisations|projects|themes';

/**
 * What a feature offers the others: its entities, services, loader factories, inputs, output
 * types, error codes and query modules (`*.sql.ts`: pure statement builders such as
 * `atOrInsideSql` or `projectFilterSql`, shared so that one rule is written once).
 */
const PUBLIC = '[.](entity|service|loaders|inputs|types|errors|sql)[.]ts$';

/**
 * Files another feature may import although they are not in PUBLIC, each with its reason.
 * Keep this list short; an entry is a debt with a name.
 */
const ALLOWED_INTERNALS = [
  // The activity-report filter's check of the project, organisation and themes it names
  // (activities' analytics use the same checks as the hub's analytics). The organisation and
  // theme checks themselves live with their features (organisation.service, theme.service).
  '^src/analytics/analytics-checks[.]ts$',
  // The FundingTotals type and its loader: analytics and the 3W export show the same totals. The
  // currency-conversion work of issue 18 (one SQL function) rewrites this file.
  '^src/funding/funding-totals[.]ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'common-names-no-feature',
      comment: 'common/ is below every feature: it may import config/ and itself only (the features extend common/context.ts, not the other way).',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: '^src/(common|config)/' },
    },
    {
      name: 'config-is-the-bottom',
      comment: 'config/ reads the environment; it imports nothing of the project but itself.',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/', pathNot: '^src/config/' },
    },
    {
      name: 'features-not-into-server',
      comment: 'server/, db/ and ops/ wire features together; a feature never imports them (routes get the context builder passed in).',
      severity: 'error',
      from: { path: `^src/(${FEATURES})/` },
      to: { path: '^src/(server|db|ops)/|^src/main[.]ts$' },
    },
    {
      name: 'features-through-public-files',
      comment: `A feature imports another only through its public files (${PUBLIC}); resolvers, routes and the rest stay private.`,
      severity: 'error',
      from: { path: `^src/(${FEATURES})/` },
      to: {
        path: `^src/(${FEATURES})/`,
        pathNot: ['^src/$1/', PUBLIC, ...ALLOWED_INTERNALS],
      },
    },
    {
      name: 'no-module-cycles-across-folders',
      comment: 'A cycle of modules may stay inside one folder; one that crosses folders ties them together.',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { circular: true, via: { pathNot: '^src/$1/' } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/web/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
