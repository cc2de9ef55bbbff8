import '@mantine/core/styles/baseline.layer.css'
import '@mantine/core/styles/default-css-variables.layer.css'
import '@mantine/core/styles/global.layer.css'

import { hydrateRoot } from 'react-dom/client'
import { StandaloneLearnPage } from './pages/learn/learn-standalone'
import { adoptPrerenderedStyles } from './prerendered-styles'

// The slim entry of the prerendered /learn page (learn.html; scripts/prerender.mjs): it hydrates
// the page without the React app's router, query cache and staff routes, so a phone downloads a
// fraction of the JavaScript. Its links to other pages are plain, a full page load (main.tsx).

// The server puts a fresh nonce in this tag with each page (plugins/web.ts); Mantine adds it to the
// <style> tags it writes (main.tsx explains).
const styleNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? ''

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('learn.html has no #root element')
adoptPrerenderedStyles(rootElement)
hydrateRoot(rootElement, <StandaloneLearnPage styleNonce={styleNonce} path={window.location.pathname} />)
