// The clinic each user last worked in, so "/" and a new sign-in reopen it. Kept per user: on a
// shared tablet the next person lands in their own clinic, not the last user's. Only ids are
// stored: no patient data in storage.
const storagePrefix = 'ketacare.clinicId'
const keyOf = (userId: string) => `${storagePrefix}.${userId}`

export function readRememberedClinic(userId: string): string | null {
  try {
    return window.localStorage.getItem(keyOf(userId))
  } catch {
    return null
  }
}

export function rememberClinic(userId: string, clinicId: string): void {
  try {
    window.localStorage.setItem(keyOf(userId), clinicId)
  } catch {
    // Storage may be disabled (private mode); the URL still carries the clinic.
  }
}
