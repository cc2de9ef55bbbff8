import '@mantine/core/styles/baseline.layer.css'
import '@mantine/core/styles/default-css-variables.layer.css'
import '@mantine/core/styles/global.layer.css'

import { createRoot, hydrateRoot } from 'react-dom/client'
import { createBrowserRouter, matchRoutes, RouterProvider } from 'react-router'
import { setSessionEndHandler } from './api/client'
import { routes } from './app'
import { AppProviders } from './app-providers'
import { currentPath, signInUrl } from './components/sign-in-state'
import { adoptPrerenderedStyles } from './prerendered-styles'

// A 401 anywhere means the server session is gone: reload the sign-in page, which also drops
// every cached answer. On the sign-in page itself a 401 is expected and needs nothing; the patient
// portal (/portal) sends its own 401s to its own sign-in page (pages/portal).
setSessionEndHandler((reason) => {
  if (window.location.pathname === '/signin' || window.location.pathname.startsWith('/portal')) return
  window.location.replace(signInUrl(reason === 'session-ended' ? 'session-ended' : undefined, currentPath()))
})

// The server puts a fresh nonce in this tag with each page (plugins/web.ts) and allows <style> tags
// carrying it (no 'unsafe-inline' for styles); Mantine adds it to the <style> tags it writes.
// Styles set from script (React's style props) go through the CSSOM, which CSP does not restrict.
const styleNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? ''

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')

// Routes load their code on first visit (app.tsx). Load the first address's routes before the
// first render, as react-router's docs advise, so a prerendered page hydrates without a gap.
const lazyMatches = matchRoutes(routes, window.location)?.filter((m) => m.route.lazy) ?? []
await Promise.all(
  lazyMatches.map(async ({ route }) => {
    const loaded = await (route.lazy as () => Promise<object>)()
    Object.assign(route, { ...loaded, lazy: undefined })
  }),
)
const app = (
  <AppProviders styleNonce={styleNonce}>
    <RouterProvider router={createBrowserRouter(routes)} />
  </AppProviders>
)
// The public pages arrive prerendered (scripts/prerender.mjs): hydrate them; the rest render here.
if (rootElement.hasChildNodes()) {
  adoptPrerenderedStyles(rootElement)
  hydrateRoot(rootElement, app)
} else createRoot(rootElement).render(app)
