import type { LoginSessionState } from '../db'
import type { Principal } from './principal'

// What the core knows of a staff sign-in (a `login_session` row): the request plugin and the live
// streams need its shape and a way to resolve a cookie, and features/auth supplies both, so the
// core never imports a feature (ARCHITECTURE.md: the server core never imports features/**).

export interface ResolvedSignIn {
  signInId: string
  userId: string
  email: string
  displayName: string
  state: LoginSessionState
  csrfToken: string
  expiresAt: Date
  /** When the sign-in locked (idle or by the user); null while it is active. */
  lockedAt: Date | null
  principal: Principal
}

export interface ResolveSignInOptions {
  /** Unlock and sign-out work on a locked sign-in; every other call is refused with 401. */
  allowLocked?: boolean
  /** A live stream's re-check is not activity: it must not keep an idle sign-in from locking. */
  isActivity?: boolean
}

/** Looks up the sign-in behind a cookie token (features/auth/resolve-sign-in.ts implements it). */
export type SignInResolver = (
  token: string,
  ip: string | null,
  options?: ResolveSignInOptions,
) => Promise<ResolvedSignIn>
