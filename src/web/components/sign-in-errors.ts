import { isApiError } from '../api/client'

function waitText(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return 'a few minutes'
  if (seconds < 60) return `${Math.ceil(seconds)} seconds`
  const minutes = Math.ceil(seconds / 60)
  return minutes === 1 ? '1 minute' : `${minutes} minutes`
}

/** Plain-words messages for the sign-in and MFA failures the API names by code. */
export function describeSignInError(error: unknown): string | null {
  if (!error) return null
  if (!isApiError(error)) return 'Could not reach KetaCare. Check the connection and try again.'
  if (error.code === 'invalid-credentials') return 'The e-mail or password is not correct.'
  if (error.code === 'account-locked') {
    return `This account is locked after too many failed sign-ins. Try again in ${waitText(error.retryAfterSec)}.`
  }
  if (error.code === 'invalid-mfa-code')
    return 'That code is not correct or has expired. Enter the current code.'
  if (error.status === 429) {
    return `Too many attempts. Wait ${waitText(error.retryAfterSec)} and try again.`
  }
  return error.detail
}
