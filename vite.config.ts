import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The staff web app lives in src/web; the server serves the built files from dist/web with an
// SPA fallback. In development the API runs separately on port 3000 (`npm run dev`).
const apiTarget = 'http://127.0.0.1:3000'
/** The prefix of a route chunk's file name: learn-, portal- or staff- (shared chunks have none). */
function areaOf(facadeModuleId: string | null): string {
  if (!facadeModuleId?.includes('/src/web/')) return ''
  if (facadeModuleId.includes('/src/web/pages/learn/')) return 'learn-'
  if (facadeModuleId.includes('/src/web/pages/portal/')) return 'portal-'
  return 'staff-'
}

/** Route chunks are named by area (app.tsx), so a test can check that /learn loads no staff- or portal- chunk. */
export const chunkFileNames = (chunk: { facadeModuleId: string | null }) =>
  `assets/${areaOf(chunk.facadeModuleId)}[name]-[hash].js`

/** The charts' libraries, loaded only where a chart is drawn (also by the /learn build, vite.learn.config.ts). */
export const chartsGroup = {
  name: 'charts',
  test: /node_modules[\\/](@mantine[\\/]charts|recharts|victory-vendor|d3-[a-z-]+|decimal\.js-light)[\\/].*\.[cm]?js$/,
}

const proxiedPaths = ['/api', '/docs', '/openapi.json', '/healthz', '/readyz']

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  // Vite writes nonce="…" on the script and style tags of index.html and a <meta property="csp-nonce">
  // that main.tsx hands to Mantine for the <style> tags it adds. The server replaces this
  // placeholder with each response's nonce (src/server/plugins/web.ts), so styles need no
  // 'unsafe-inline' in the Content-Security-Policy.
  html: { cspNonce: 'KETACARE_CSP_NONCE' },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // prerender.mjs reads which files each public page's route modules need (and deletes the file).
    manifest: true,
    rolldownOptions: {
      output: {
        // Each route loads its own chunk (app.tsx); the name says whose it is, so a test can check that
        // /learn loads no staff- or portal- chunk (test/e2e/learn-delivery.spec.ts).
        chunkFileNames,
        codeSplitting: {
          // A group holds only the libraries it names: the charts' dependencies (Mantine, React) stay
          // where the rest of the app finds them instead of joining the charts chunk.
          includeDependenciesRecursively: false,
          groups: [
            // Libraries change less often than our code: separate chunks stay cached across releases.
            // React and the router are on every page; the charts only where a chart is drawn.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router', test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/ },
            chartsGroup,
          ],
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(proxiedPaths.map((path) => [path, { target: apiTarget }])),
  },
})
