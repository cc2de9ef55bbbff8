// The sign-in page learns why it was opened and where to return from its query string, so a
// session that ends can reload the page and drop every cached answer (no patient data lingers).

export type SignInReason = 'session-ended' | 'signed-out' | 'switch-user'

export function signInUrl(reason?: SignInReason, from?: string): string {
  const params = new URLSearchParams()
  if (reason) params.set('reason', reason)
  if (from && from !== '/' && !from.startsWith('/signin')) params.set('from', from)
  const search = params.toString()
  return search ? `/signin?${search}` : '/signin'
}

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeReturnPath(from: string | null): string {
  return from?.startsWith('/') && !from.startsWith('//') ? from : '/'
}

export function currentPath(): string {
  return window.location.pathname + window.location.search
}
