import { createBrowserRouter } from 'react-router'
import { clinicPages } from './clinic-pages'
import { ClinicLayout } from './components/clinic-layout'
import { RequirePermission } from './components/require-permission'
import { RequireSession } from './components/require-session'
import { RouteError } from './components/route-error'
import { BoardDisplayPage } from './pages/board-display-page'
import { LearnLayout } from './pages/learn/learn-layout'
import { LearnPage } from './pages/learn/learn-page'
import { SelfCheckPage } from './pages/learn/self-check-page'
import { NotFoundPage } from './pages/not-found-page'
import { DocumentsPage } from './pages/portal/documents-page'
import { MagicLinkPage } from './pages/portal/magic-link-page'
import { PortalHomePage } from './pages/portal/portal-home-page'
import { PortalInvitePage } from './pages/portal/portal-invite-page'
import { PortalLayout } from './pages/portal/portal-layout'
import { PortalSignInPage } from './pages/portal/portal-sign-in-page'
import { ProgressPage } from './pages/portal/progress-page'
import { RequirePortalSession } from './pages/portal/require-portal-session'
import { SecurityPage } from './pages/portal/security-page'
import { SurveyPage } from './pages/portal/survey-page'
import { SignInPage } from './pages/sign-in-page'
import { StartPage } from './pages/start-page'

// Every staff page lives under /c/:clinicId so the clinic in view is part of the address.
export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage />, errorElement: <RouteError /> },
  // A nurses' station screen (issue 14): its own display token, no staff sign-in, never locks.
  { path: '/display/board', element: <BoardDisplayPage />, errorElement: <RouteError /> },
  // Public education and self-check (issue 7): no sign-in, their own light layout.
  {
    path: '/learn',
    element: <LearnLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <LearnPage /> },
      { path: 'self-check', element: <SelfCheckPage /> },
    ],
  },
  // Patient portal (issue 7): its own session; a magic link's session reaches only its survey.
  {
    path: '/portal',
    element: <PortalLayout />,
    errorElement: <RouteError />,
    children: [
      { path: 'sign-in', element: <PortalSignInPage /> },
      { path: 'invite/:token', element: <PortalInvitePage /> },
      { path: 's/:token', element: <MagicLinkPage /> },
      {
        element: <RequirePortalSession allowSurveyScope />,
        children: [{ path: 'surveys/:id', element: <SurveyPage /> }],
      },
      {
        element: <RequirePortalSession />,
        children: [
          { index: true, element: <PortalHomePage /> },
          { path: 'progress', element: <ProgressPage /> },
          { path: 'documents', element: <DocumentsPage /> },
          { path: 'security', element: <SecurityPage /> },
        ],
      },
    ],
  },
  {
    element: <RequireSession />,
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <StartPage /> },
      {
        path: '/c/:clinicId',
        element: <ClinicLayout />,
        errorElement: <RouteError />,
        children: clinicPages.map((page) => {
          const element = (
            <RequirePermission key={page.path} permission={page.permission}>
              {page.element}
            </RequirePermission>
          )
          const errorElement = <RouteError key={page.path} />
          return page.path === ''
            ? { index: true, element, errorElement }
            : { path: page.path, element, errorElement }
        }),
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
])
