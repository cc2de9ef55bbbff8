import { z } from 'zod'
import {
  maxTrials,
  pregnancyChoices,
  safetyQuestions,
  trialDurations,
  yesNoUnsure,
} from '../domain/self-check'
import { clinicParams, pageQuery, timestamp } from './common'

const enumOf = <T extends readonly { value: string }[]>(choices: T) =>
  z.enum(choices.map((c) => c.value) as [T[number]['value'], ...T[number]['value'][]])

const phq9Item = z.number().int().min(0).max(3)
const yesNo = enumOf(yesNoUnsure)

export const selfCheckSchema = z.object({
  phq9: z.object(
    Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, phq9Item])) as Record<
      `phq9_${number}`,
      typeof phq9Item
    >,
  ),
  antidepressantTrials: z
    .array(z.object({ name: z.string().trim().max(100).default(''), duration: enumOf(trialDurations) }))
    .max(maxTrials),
  therapyTried: yesNo,
  safety: z.object({
    pregnancy: enumOf(pregnancyChoices),
    highBloodPressure: yesNo,
    psychosis: yesNo,
    substanceUse: yesNo,
  }),
})
// The safety object's keys are the domain's question ids; a new question must be added to both.
safetyQuestions satisfies readonly { id: keyof z.infer<typeof selfCheckSchema>['safety'] }[]

/** A self-check as stored: every trial has its name (empty when none was given). */
const storedSelfCheckSchema = selfCheckSchema.extend({
  antidepressantTrials: z
    .array(z.object({ name: z.string(), duration: enumOf(trialDurations) }))
    .max(maxTrials),
})

const optionalContact = (schema: z.ZodType<string, string>) =>
  z
    .union([schema, z.literal('')])
    .nullish()
    .transform((v) => v || null)

export const referralBody = z
  .object({
    clinicId: z.uuid('choose a clinic'),
    name: z.string().trim().min(1, 'enter your name').max(200),
    email: optionalContact(z.email('must be an e-mail address').max(320)),
    phone: optionalContact(
      z
        .string()
        .trim()
        .regex(/^[+()0-9 .-]{7,40}$/, 'must be a phone number'),
    ),
    preferredContact: z.enum(['email', 'phone']),
    consentToContact: z.literal(true, 'tick the box to let the clinic contact you'),
    selfCheck: selfCheckSchema,
  })
  .superRefine((body, issues) => {
    if (!body.email && !body.phone) {
      issues.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'give an e-mail address or a phone number',
      })
    }
    if (body.preferredContact === 'email' && !body.email) {
      issues.addIssue({ code: 'custom', path: ['email'], message: 'needed to contact you by e-mail' })
    }
    if (body.preferredContact === 'phone' && !body.phone) {
      issues.addIssue({ code: 'custom', path: ['phone'], message: 'needed to contact you by phone' })
    }
  })
export type ReferralBody = z.infer<typeof referralBody>

export const referralStatusSchema = z.enum(['new', 'contacted', 'registered', 'declined'])

export const referralSchema = z.object({
  id: z.string(),
  receivedAt: timestamp,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  preferredContact: z.enum(['email', 'phone']),
  // The answers are clinical: null for roles that may not read the chart (front desk, issue 13),
  // who see the contact and the urgency only.
  selfCheck: storedSelfCheckSchema.nullable(),
  phq9Total: z.number().nullable(),
  phq9Item9: z.number().nullable(),
  isUrgent: z.boolean(),
  status: referralStatusSchema,
  handledBy: z.string().nullable(),
  handledAt: timestamp.nullable(),
  version: z.number(),
})

export const referralParams = clinicParams.extend({ referralId: z.uuid() })

export const referralListQuery = pageQuery.extend({ status: referralStatusSchema.optional() })

export const referralStatusBody = z.object({ status: referralStatusSchema, version: z.number().int().min(1) })

/** The public self-check's clinic list: id, name and the clinic's phone for patients. */
