// Bundles the CLI (which includes the server) into dist/cli.js. Most npm packages stay external and
// load from node_modules; the pure-ESM libraries of the core are bundled in, because resolving and
// compiling their hundreds of small module files was a third of the server's start-up (issue 16).
// Packages with native code, WASM, data files or CommonJS internals stay external.
// The web app is built separately by Vite into dist/web.
import { chmodSync } from 'node:fs'
import { build } from 'esbuild'

const bundledPackages = new Set([
  'date-fns',
  '@date-fns/tz',
  'zod',
  'kysely',
  '@noble/hashes',
  'csv-stringify',
  'fastify-type-provider-zod',
])

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-packages',
      setup(builder) {
        builder.onResolve({ filter: /^[^./]/ }, (args) =>
          bundledPackages.has(packageOf(args.path)) ? undefined : { path: args.path, external: true },
        )
      },
    },
  ],
})
chmodSync('dist/cli.js', 0o755)
console.log('built dist/cli.js')
