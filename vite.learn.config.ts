import { defineConfig } from 'vite'
import app, { chartsGroup, chunkFileNames } from './vite.config'

// The prerendered /learn page's own build (run by scripts/prerender.mjs after the app's build, into
// the same dist/web): learn.html and its slim entry (src/web/learn-main.tsx: no router, query cache
// or staff routes). Everything the page needs before the reader opens the PK explorer goes in one
// file, React included (a phone on a slow connection pays for each request, and one gzip stream
// compresses better than many); the model and its charts still load on demand, in a chunk of their own.
export default defineConfig({
  ...app,
  build: {
    ...app.build,
    emptyOutDir: false,
    manifest: false,
    rolldownOptions: {
      input: { learn: new URL('./src/web/learn.html', import.meta.url).pathname },
      output: {
        // No groups: what only the model needs (its code, the chart libraries, the Mantine parts only
        // it uses) becomes one chunk, loaded when the reader opens it; named charts- like the app's
        // chart chunk, so a test can check that /learn loads no chart code before that.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => chartsGroup.test.test(id))
            ? `assets/charts-[name]-[hash].js`
            : chunkFileNames(chunk),
      },
    },
  },
})
