import { MantineProvider } from '@mantine/core'
import { type ReactNode, StrictMode } from 'react'
import { type PublicLinks, PublicLinksContext } from './components/public-links'
import { theme } from './theme'

/**
 * Mantine with the app's theme and the public pages' links: what the slim /learn entry
 * (learn-main.tsx) renders inside, and within AppProviders what every page of the React app does.
 */
export function MantineProviders({
  styleNonce,
  links,
  children,
}: {
  styleNonce: string
  links: PublicLinks
  children: ReactNode
}) {
  return (
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light" getStyleNonce={() => styleNonce}>
        <PublicLinksContext.Provider value={links}>{children}</PublicLinksContext.Provider>
      </MantineProvider>
    </StrictMode>
  )
}
