import { isApiError } from '../../api/client'
import { waitText } from './portal-format'

/** What went wrong with a code or password during two-step sign-in, in a patient's words. */
export function describeTwoStepError(error: unknown): string | null {
  if (!error) return null
  if (!isApiError(error))
    return 'We could not reach the clinic’s system. Check your connection and try again.'
  switch (error.code) {
    case 'invalid-mfa-code':
      return 'That code did not work. The code changes every 30 seconds. Type the one your app shows now.'
    case 'invalid-credentials':
      return 'That password is not right. Please try again.'
    case 'account-locked':
      return `To keep your account safe, sign-in is paused after several tries that did not work. Please try again in ${waitText(error.retryAfterSec)}, or ask your clinic for help.`
    case 'not-signed-in':
    case 'session-expired':
      return 'This sign-in took too long and has ended. Please start again with your password.'
  }
  if (error.status === 429)
    return `Too many tries. Please wait ${waitText(error.retryAfterSec)} and try again.`
  return error.detail
}
