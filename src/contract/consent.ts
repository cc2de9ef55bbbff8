import { z } from 'zod'
import { patientParams, timestamp } from './common'

// Consent: the clinic's versioned consent texts and each patient's signatures and withdrawals.

export const consentTextSchema = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  body: z.string(),
  contentHash: z.string(),
  createdAt: timestamp,
})

export const signatureKindSchema = z.enum(['drawn', 'typed'])

export const consentSchema = z.object({
  id: z.string(),
  consentTextId: z.string(),
  textVersion: z.number(),
  textTitle: z.string(),
  signerName: z.string(),
  signatureKind: signatureKindSchema,
  researchUse: z.boolean(),
  witnessName: z.string(),
  contentHash: z.string(),
  signedAt: timestamp,
  withdrawnAt: timestamp.nullable(),
  withdrawalReason: z.string().nullable(),
  isCurrent: z.boolean(),
})

export const consentParams = patientParams.extend({ consentId: z.uuid() })

export const consentTextBody = z.object({
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(200, 'a consent text needs at least 200 characters').max(50_000),
})

// A drawn signature is a PNG from the signature pad; 300 kB is far above a real one.
const signatureData = z.union([
  z
    .string()
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'must be a PNG data URL')
    .max(300_000),
  z.string().trim().min(2).max(200),
])

export const signConsentBody = z.object({
  consentTextId: z.uuid(),
  signerName: z.string().trim().min(2).max(200),
  signatureKind: signatureKindSchema,
  /** A PNG data URL from the signature pad, or the typed name. */
  signatureData,
  researchUse: z.boolean().default(false),
})
