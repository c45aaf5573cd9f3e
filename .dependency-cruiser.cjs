/**
 * The architecture, checked by `npm run lint` (see docs/architecture.md):
 *
 *   http (edge) ──▶ domain ◀── broadworks (the port over OCI-P: mapping, gateway, drivers) ──▶ ocip (protocol)
 *                                     └─ memory driver ──▶ simulator ──▶ ocip
 *
 * No module cycles, and the folders depend on each other in one direction only, so there are no
 * folder cycles either (`no-circular-folders` checks that too). Specs, tests and benchmarks may
 * reach anything: only `src/` is cruised, specs excluded.
 */
/** A rule that `from` never imports `to`. */
const never = (name, comment, from, to) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: typeof to === 'string' ? { path: to } : to,
});

/** The platform folders: configuration, audit, auth, logs, metrics, health, lifecycle, store and plugins. */
const PLATFORM = '^src/(audit|auth|health|lifecycle|logging|metrics|plugins|store)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A module cycle ties its modules together: none at all.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      comment: 'Folders depend on each other in one direction: no folder reaches itself through another.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    never(
      'domain-is-independent',
      'The domain knows no HTTP, no OCI-P and no simulator: it calls ports (broadworks.port.ts).',
      '^src/domain/',
      '^src/(http|broadworks|ocip|simulator|audit|auth|health|lifecycle|logging|metrics|plugins|store)/',
    ),
    never(
      'http-knows-no-ocip',
      'The HTTP edge speaks to the domain. Of OCI-P it reads only facts: the schema descriptions (the bounds of its DTOs) and which characters XML can carry.',
      '^src/http/',
      {
        path: '^src/(broadworks|simulator|ocip)/',
        pathNot: '^src/ocip/(schema|schema-types|protocol/xml-escape)\\.ts$',
      },
    ),
    never(
      'broadworks-knows-no-http',
      'The BroadWorks adapter knows nothing of HTTP.',
      '^src/broadworks/',
      '^src/http/',
    ),
    never(
      'simulator-only-through-the-memory-driver',
      'Production code reaches the simulated BroadWorks only through the in-memory OCI-P driver.',
      '^src/(?!simulator/|broadworks/oci/memory/)',
      '^src/simulator/',
    ),
    never(
      'simulator-is-a-separate-part',
      'The simulator speaks OCI-P: it uses the protocol and schema descriptions, nothing of the service.',
      '^src/simulator/',
      { path: '^src/', pathNot: '^src/(simulator|ocip)/|^src/domain/model\\.ts$' },
    ),
    never(
      'ocip-is-the-protocol',
      'OCI-P itself (schema descriptions, commands, XML, framing) uses nothing of the service but the domain policy names.',
      '^src/ocip/',
      { path: '^src/', pathNot: '^src/ocip/|^src/domain/model\\.ts$' },
    ),
    never(
      'logging-and-metrics-are-leaves',
      'Logs and metrics serve every layer and use none of them.',
      '^src/(logging|metrics)/',
      '^src/(audit|auth|broadworks|domain|health|http|lifecycle|ocip|plugins|simulator|store)/',
    ),
    never('config-is-a-leaf', 'Configuration is read by everyone and reads nothing of the service.', '^src/config/', {
      path: '^src/',
      pathNot: '^src/config/',
    }),
    never(
      'features-below-the-platform',
      'Domain, BroadWorks and HTTP are used by the platform (plugins, health), never the other way round.',
      '^src/(domain|broadworks)/',
      PLATFORM.replace('logging|metrics|', ''),
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The architecture is production code's: specs beside it may reach anything.
    exclude: { path: ['^(dist|dist-bench|node_modules)/', '\\.spec\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
