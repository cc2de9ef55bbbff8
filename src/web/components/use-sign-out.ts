import { useCallback } from 'react'
import { logout } from '../api/auth'
import { forgetSession } from '../api/client'
import { type SignInReason, signInUrl } from './sign-in-state'

/** Ends the server session, then reloads the sign-in page so no cached data survives in memory. */
export async function signOut(reason: SignInReason): Promise<void> {
  try {
    await logout()
  } catch {
    // An already-ended session is fine: the goal is to be signed out.
  }
  forgetSession()
  window.location.replace(signInUrl(reason))
}

export function useSignOut(): () => void {
  return useCallback(() => void signOut('signed-out'), [])
}
