import type { ComponentType } from 'react'
import { Outlet, type RouteObject } from 'react-router'
import { clinicPages } from './clinic-pages'
import { RouteError } from './components/route-error'

// Every route's code loads when the route is first visited (react-router `lazy`), so /learn and
// /portal never download the staff app, its charts or the signature pad, and a staff screen loads
// only its own page. vite.config.ts names the chunks by area (learn-, portal-, staff-).
// main.tsx loads the routes of the first address before it renders or hydrates.

/** A route whose component loads on first visit. */
const page = (load: () => Promise<ComponentType>) => async () => ({ Component: await load() })

/** A child route at `path` (the index route without one) whose component loads on first visit. */
const pageRoute = (path: string | null, load: () => Promise<ComponentType>): RouteObject =>
  path === null ? { index: true, lazy: page(load) } : { path, lazy: page(load) }

/** As `page`, with all of Mantine's styles (the public /learn pages import only the ones they use). */
const styledPage = (load: () => Promise<ComponentType>) =>
  page(async () => (await Promise.all([load(), import('./mantine-styles')]))[0])

// Every staff page lives under /c/:clinicId so the clinic in view is part of the address.
export const routes: RouteObject[] = [
  {
    path: '/signin',
    lazy: styledPage(() => import('./pages/sign-in-page').then((m) => m.SignInPage)),
    errorElement: <RouteError />,
  },
  // A nurses' station screen (issue 14): its own display token, no staff sign-in, never locks.
  {
    path: '/display/board',
    lazy: styledPage(() => import('./pages/board-display-page').then((m) => m.BoardDisplayPage)),
    errorElement: <RouteError />,
  },
  // Public education and self-check (issue 7): no sign-in, their own light layout. Prerendered to
  // static HTML at build time (prerender-entry.tsx) and hydrated: /learn by its own slim entry
  // (learn-main.tsx, no router), its sub-pages by main.tsx. These routes serve moves within the app.
  {
    path: '/learn',
    lazy: async () => {
      const { LearnLayout } = await import('./pages/learn/learn-layout')
      return {
        element: (
          <LearnLayout>
            <Outlet />
          </LearnLayout>
        ),
      }
    },
    errorElement: <RouteError />,
    children: [
      pageRoute(null, () => import('./pages/learn/learn-page').then((m) => m.LearnPage)),
      pageRoute('self-check', () => import('./pages/learn/self-check-page').then((m) => m.SelfCheckPage)),
    ],
  },
  // Patient portal (issue 7): its own session; a magic link's session reaches only its survey.
  {
    path: '/portal',
    lazy: styledPage(() => import('./pages/portal/portal-layout').then((m) => m.PortalLayout)),
    errorElement: <RouteError />,
    children: [
      pageRoute('sign-in', () =>
        import('./pages/portal/portal-sign-in-page').then((m) => m.PortalSignInPage),
      ),
      pageRoute('invite/:token', () =>
        import('./pages/portal/portal-invite-page').then((m) => m.PortalInvitePage),
      ),
      pageRoute('s/:token', () => import('./pages/portal/magic-link-page').then((m) => m.MagicLinkPage)),
      {
        lazy: async () => {
          const { RequirePortalSession } = await import('./pages/portal/require-portal-session')
          return { element: <RequirePortalSession allowSurveyScope /> }
        },
        children: [
          pageRoute('surveys/:id', () => import('./pages/portal/survey-page').then((m) => m.SurveyPage)),
        ],
      },
      {
        lazy: page(() => import('./pages/portal/require-portal-session').then((m) => m.RequirePortalSession)),
        children: [
          pageRoute(null, () => import('./pages/portal/portal-home-page').then((m) => m.PortalHomePage)),
          pageRoute('progress', () => import('./pages/portal/progress-page').then((m) => m.ProgressPage)),
          pageRoute('documents', () => import('./pages/portal/documents-page').then((m) => m.DocumentsPage)),
          pageRoute('security', () => import('./pages/portal/security-page').then((m) => m.SecurityPage)),
        ],
      },
    ],
  },
  {
    // The staff app's toasts (notifications.show) appear only in its shell: the public pages skip the library.
    lazy: async () => {
      const [{ RequireSession }, { Notifications }] = await Promise.all([
        import('./components/require-session'),
        import('@mantine/notifications'),
        import('./mantine-styles'),
      ])
      return {
        element: (
          <>
            <Notifications position="bottom-right" />
            <RequireSession />
          </>
        ),
      }
    },
    errorElement: <RouteError />,
    children: [
      pageRoute('/', () => import('./pages/start-page').then((m) => m.StartPage)),
      {
        path: '/c/:clinicId',
        lazy: page(() => import('./components/clinic-layout').then((m) => m.ClinicLayout)),
        errorElement: <RouteError />,
        children: clinicPages.map((clinicPage) => {
          const lazy = async () => {
            const [{ RequirePermission }, Page] = await Promise.all([
              import('./components/require-permission'),
              clinicPage.load(),
            ])
            return {
              element: (
                <RequirePermission permission={clinicPage.permission}>
                  <Page />
                </RequirePermission>
              ),
            }
          }
          const errorElement = <RouteError key={clinicPage.path} />
          return clinicPage.path === ''
            ? { index: true, lazy, errorElement }
            : { path: clinicPage.path, lazy, errorElement }
        }),
      },
    ],
  },
  { path: '*', lazy: styledPage(() => import('./pages/not-found-page').then((m) => m.NotFoundPage)) },
]
