import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { Link, NavLink } from 'react-router'
import { isApiError } from './api/client'
import type { PublicLinks } from './components/public-links'
import { MantineProviders } from './mantine-providers'

function newQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Client errors (4xx) will not succeed on a retry; network blips and 5xx might.
        retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status < 500),
        staleTime: 15_000,
      },
    },
  })
}

/** The public pages' links in the React app: the router's, so moving between pages loads nothing. */
const routerLinks: PublicLinks = { Link, NavLink }

/**
 * What every page of the React app renders inside: Mantine and the query cache. The browser
 * (main.tsx) and the build-time prerender of the public pages (prerender-entry.tsx) use the same
 * tree, so the prerendered HTML hydrates without a mismatch.
 */
export function AppProviders({ styleNonce, children }: { styleNonce: string; children: ReactNode }) {
  const [queryClient] = useState(newQueryClient)
  return (
    <MantineProviders styleNonce={styleNonce} links={routerLinks}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProviders>
  )
}
