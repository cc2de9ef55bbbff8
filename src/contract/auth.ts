import { z } from 'zod'
import { pinRules } from '../domain/access/credential-rules'
import { type StaffRole, staffRoles } from '../domain/access/permissions'

// The staff sign-in's API contract (src/server/features/auth): sign-in, the two-step stage, who am
// I, and the lock screen.

export const signInStates = ['signed-in', 'mfa-required', 'mfa-enrolment-required'] as const
const stateSchema = z.enum(signInStates)

/** A TOTP code as both sign-ins take it (the portal's two-step routes too). */
export const codeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app'),
})

export const loginBody = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(200),
})

const pinField = z
  .string()
  .trim()
  .regex(/^\d+$/, 'must be digits only')
  .min(pinRules.minLength, `must be ${pinRules.minLength} to ${pinRules.maxLength} digits`)
  .max(pinRules.maxLength, `must be ${pinRules.minLength} to ${pinRules.maxLength} digits`)

export const unlockBody = z
  .object({ pin: pinField.optional(), password: z.string().min(1).max(200).optional() })
  .refine((b) => (b.pin === undefined) !== (b.password === undefined), {
    message: 'give either your PIN or your password',
    path: ['pin'],
  })

export const unlockPinBody = z.object({ pin: pinField, password: z.string().min(1).max(200) })

/** A sign-in step's reply: where the sign-in stands and the CSRF token for its writes. */
export const issuedSchema = z.object({ state: stateSchema, csrfToken: z.string() })

export const mfaEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrDataUrl: z.string(),
})

export const membershipSchema = z.object({
  clinicId: z.string(),
  clinicName: z.string(),
  organizationName: z.string(),
  role: z.enum(staffRoles as unknown as [StaffRole, ...StaffRole[]]),
  permissions: z.array(z.string()),
})

export const meSchema = z.object({
  state: stateSchema,
  csrfToken: z.string(),
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    mfaEnrolled: z.boolean(),
    hasUnlockPin: z.boolean(),
  }),
  memberships: z.array(membershipSchema),
  idleTimeoutMin: z.number(),
  lockedMaxHours: z.number().describe('a locked sign-in ends this many hours after it locked'),
  sessionExpiresAt: z.string(),
})

/** The sign-in page's probe: no sign-in is an answer, not an error (issue 14). */
export const signedOutSchema = z.object({
  state: z.literal('signed-out'),
  reason: z.enum(['not-signed-in', 'session-expired']),
})

export const sessionProbeSchema = z.union([meSchema, signedOutSchema])

export const unlockedSchema = z.object({ csrfToken: z.string() })
