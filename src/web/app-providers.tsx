import { MantineProvider } from '@mantine/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, StrictMode, useState } from 'react'
import { isApiError } from './api/client'
import { theme } from './theme'

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

/**
 * What every page renders inside: Mantine and the query cache. The browser
 * (main.tsx) and the build-time prerender of the public pages (prerender-entry.tsx) use the same
 * tree, so the prerendered HTML hydrates without a mismatch.
 */
export function AppProviders({ styleNonce, children }: { styleNonce: string; children: ReactNode }) {
  const [queryClient] = useState(newQueryClient)
  return (
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light" getStyleNonce={() => styleNonce}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MantineProvider>
    </StrictMode>
  )
}
