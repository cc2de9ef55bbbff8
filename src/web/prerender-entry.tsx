import { renderToStaticMarkup, renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router'
import { routes } from './app'
import { AppProviders } from './app-providers'
import { StandaloneLearnPage } from './pages/learn/learn-standalone'
import { movedStylesAttribute, moveInlineStyles } from './prerendered-styles'

// Built by scripts/prerender.mjs (a Vite SSR build of this file) and run once at build time: the
// public pages become static HTML in dist/web/<path>/index.html, which their entry hydrates.

/** Where the server puts each response's CSP nonce (vite.config.ts `html.cspNonce`, plugins/web.ts). */
const noncePlaceholder = 'KETACARE_CSP_NONCE'
/** Where the server puts its public address (config `publicUrl`): canonical links need absolute URLs. */
export const publicUrlPlaceholder = 'KETACARE_PUBLIC_URL'

export interface PublicPage {
  path: string
  title: string
  description: string
  /**
   * The built HTML the page goes into, with its entry: learn.html hydrates /learn without the React
   * app (learn-main.tsx, StandaloneLearnPage); index.html is the React app (main.tsx, its routes).
   */
  template: 'learn.html' | 'index.html'
  /** The page's route modules (as app.tsx loads them), preloaded with the page instead of after it. */
  modules: string[]
}

export const publicPages: PublicPage[] = [
  {
    path: '/learn',
    title: 'Ketamine and esketamine for treatment-resistant depression | KetaCare',
    description:
      'Plain-language facts on ketamine and esketamine for depression that other treatments have not helped: how they may work, side effects, clinic visits, cost and what to ask.',
    template: 'learn.html',
    // learn-main.tsx imports the page itself: learn.html already loads all it needs.
    modules: [],
  },
  {
    path: '/learn/self-check',
    title: 'Depression self-check to bring to a provider | KetaCare',
    description:
      'A five-minute self-check with the PHQ-9 questions, your treatment history and safety questions. Print the summary for your doctor; nothing is saved unless you send it.',
    template: 'index.html',
    modules: ['pages/learn/learn-layout.tsx', 'pages/learn/self-check-page.tsx'],
  },
]

/** The page's HTML inside #root, and its <head> tags (title, description, canonical, moved styles). */
export async function renderPage(page: PublicPage): Promise<{ root: string; head: string }> {
  const rendered =
    page.template === 'learn.html'
      ? renderToString(<StandaloneLearnPage styleNonce={noncePlaceholder} path={page.path} />)
      : await renderRoute(page.path)
  const { html, css } = moveInlineStyles(rendered)
  const head = renderToStaticMarkup(
    <>
      <meta name="description" content={page.description} />
      <link rel="canonical" href={`${publicUrlPlaceholder}${page.path}`} />
      <style nonce={noncePlaceholder} {...{ [movedStylesAttribute]: '' }}>
        {css}
      </style>
    </>,
  )
  return { root: html, head }
}

/** The React app's page at `path`, as main.tsx hydrates it. */
async function renderRoute(path: string): Promise<string> {
  const handler = createStaticHandler(routes)
  const context = await handler.query(new Request(`http://localhost${path}`))
  if (context instanceof Response) throw new Error(`${path} answered ${context.status}, not a page`)
  return renderToString(
    <AppProviders styleNonce={noncePlaceholder}>
      <StaticRouterProvider
        router={createStaticRouter(handler.dataRoutes, context)}
        context={context}
        hydrate={false}
      />
    </AppProviders>,
  )
}
