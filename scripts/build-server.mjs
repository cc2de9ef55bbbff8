// Bundles the CLI (which includes the server) into dist/cli.js; npm packages stay external and
// load from node_modules. The web app is built separately by Vite into dist/web.
import { chmodSync } from 'node:fs'
import { build } from 'esbuild'

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
chmodSync('dist/cli.js', 0o755)
console.log('built dist/cli.js')
