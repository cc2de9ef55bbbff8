import {
  type ComponentPropsWithoutRef,
  createContext,
  type ForwardRefExoticComponent,
  forwardRef,
  type RefAttributes,
  useContext,
} from 'react'

// The public pages' links (/learn, /portal) come from this context, not from react-router itself:
// in the React app (AppProviders) they are the router's client-side links; the slim /learn entry
// (learn-main.tsx) has no router and uses plain <a href> links, a full page load to the next page.

export type PublicLinkProps = ComponentPropsWithoutRef<'a'> & { to: string }
/** `end`: current only on this exact address, not below it. */
export type PublicNavLinkProps = PublicLinkProps & { end?: boolean }

export interface PublicLinks {
  Link: ForwardRefExoticComponent<PublicLinkProps & RefAttributes<HTMLAnchorElement>>
  /** Marks the link to the current page with aria-current="page" and the class `active`. */
  NavLink: ForwardRefExoticComponent<PublicNavLinkProps & RefAttributes<HTMLAnchorElement>>
}

/** The address of the page plain links are on (plainLinks marks the link to it as current). */
export const PlainLinksPathContext = createContext('/')

/** `/learn/` and `/learn` are the same page. */
const withoutTrailingSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path)

// forwardRef: Mantine's components (Anchor, Button) hand their ref to the link they render as.
const PlainLink = forwardRef<HTMLAnchorElement, PublicLinkProps>(function PlainLink({ to, ...props }, ref) {
  return <a ref={ref} href={to} {...props} />
})

const PlainNavLink = forwardRef<HTMLAnchorElement, PublicNavLinkProps>(function PlainNavLink(
  { to, end = false, className, ...props },
  ref,
) {
  const current = withoutTrailingSlash(useContext(PlainLinksPathContext))
  const isCurrent = current === to || (!end && current.startsWith(`${to}/`))
  return (
    <a
      ref={ref}
      href={to}
      aria-current={isCurrent ? 'page' : undefined}
      className={[className, isCurrent ? 'active' : undefined].filter(Boolean).join(' ') || undefined}
      {...props}
    />
  )
})

/** Plain <a href> links, for a page without a router (the address from PlainLinksPathContext). */
export const plainLinks: PublicLinks = { Link: PlainLink, NavLink: PlainNavLink }

export const PublicLinksContext = createContext<PublicLinks | null>(null)

export function usePublicLinks(): PublicLinks {
  const links = useContext(PublicLinksContext)
  if (!links)
    throw new Error('usePublicLinks needs a PublicLinksContext provider (AppProviders or learn-main.tsx)')
  return links
}
