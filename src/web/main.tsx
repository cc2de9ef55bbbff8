import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/notifications/styles.css'

import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import { isApiError, setSessionEndHandler } from './api/client'
import { router } from './app'
import { currentPath, signInUrl } from './components/sign-in-state'
import { theme } from './theme'

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (4xx) will not succeed on a retry; network blips and 5xx might.
      retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status < 500),
      staleTime: 15_000,
    },
  },
})

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
const getStyleNonce = () => styleNonce

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')

createRoot(rootElement).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" getStyleNonce={getStyleNonce}>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
)
