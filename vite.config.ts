import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The staff web app lives in src/web; the server serves the built files from dist/web with an
// SPA fallback. In development the API runs separately on port 3000 (`npm run dev`).
const apiTarget = 'http://127.0.0.1:3000'
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
    // Libraries change less often than our code: separate chunks stay cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|dayjs)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(proxiedPaths.map((path) => [path, { target: apiTarget }])),
  },
})
