import { createBrowserRouter } from 'react-router'
import { clinicPages } from './clinic-pages'
import { ClinicLayout } from './components/clinic-layout'
import { RequirePermission } from './components/require-permission'
import { RequireSession } from './components/require-session'
import { RouteError } from './components/route-error'
import { NotFoundPage } from './pages/not-found-page'
import { SignInPage } from './pages/sign-in-page'
import { StartPage } from './pages/start-page'

// Every staff page lives under /c/:clinicId so the clinic in view is part of the address.
export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage />, errorElement: <RouteError /> },
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
