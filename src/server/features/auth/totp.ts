import { generateSecret, generateURI, verifySync } from 'otplib'
import type { SecretBox } from '../../secrets/secret-box'

const periodSec = 30

export function newTotpSecret(): string {
  return generateSecret()
}

export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: 'KetaCare', label: accountEmail, secret })
}

export async function totpQrDataUrl(uri: string): Promise<string> {
  // Loaded when someone sets up an authenticator, not at start-up (issue 16).
  const { default: QRCode } = await import('qrcode')
  return QRCode.toDataURL(uri, { margin: 1, width: 220 })
}

/**
 * Checks a 6-digit code, allowing one step of clock drift either way. Returns the time step it
 * matched so the caller can refuse a replay of the same or an earlier code.
 */
export function checkTotp(
  secret: string,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: periodSec,
  })
  // The functional API's result type also covers HOTP; a TOTP match carries its time step.
  if (!result.valid || !('timeStep' in result)) return null
  const step = result.timeStep
  if (lastUsedStep !== null && step <= lastUsedStep) return null
  return step
}

/**
 * `checkTotp` for a secret as stored: sealed under the installation key (issue 13 point 5). A
 * wrong key throws SecretKeyError, naming the key ids, rather than reading as a wrong code.
 */
export function checkStoredTotp(
  box: SecretBox,
  stored: string,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): number | null {
  return checkTotp(box.open(stored), code, now, lastUsedStep)
}
