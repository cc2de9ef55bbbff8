import { PlainLinksPathContext, plainLinks } from '../../components/public-links'
import { MantineProviders } from '../../mantine-providers'
import { LearnLayout } from './learn-layout'
import { LearnPage } from './learn-page'

/**
 * /learn without the React app: no router, no query cache, no staff routes, plain links to the
 * other pages. The prerender (prerender-entry.tsx) and the slim entry that hydrates it
 * (learn-main.tsx) render this same tree, so the HTML hydrates without a mismatch.
 */
export function StandaloneLearnPage({ styleNonce, path }: { styleNonce: string; path: string }) {
  return (
    <MantineProviders styleNonce={styleNonce} links={plainLinks}>
      <PlainLinksPathContext.Provider value={path}>
        <LearnLayout>
          <LearnPage />
        </LearnLayout>
      </PlainLinksPathContext.Provider>
    </MantineProviders>
  )
}
