// The clinic a user last worked in, so "/" reopens it. Only an id: no patient data in storage.
const storageKey = 'ketacare.clinicId'

export function readRememberedClinic(): string | null {
  try {
    return window.localStorage.getItem(storageKey)
  } catch {
    return null
  }
}

export function rememberClinic(clinicId: string): void {
  try {
    window.localStorage.setItem(storageKey, clinicId)
  } catch {
    // Storage may be disabled (private mode); the URL still carries the clinic.
  }
}
