import { z } from 'zod'
import { passwordRules } from '../domain/access/credential-rules'
import { codeBody } from './auth'
import { timestamp } from './common'

// The patient portal's API contract (src/server/features/portal): the staff side (invite, status)
// and the patient's own sign-in, questionnaires, progress, appointments and documents.

export const answerValue = z.union([z.number(), z.boolean(), z.null()])
export const surveyAnswers = z.record(z.string(), answerValue)

// Requests.

export const tokenParams = z.object({ token: z.string().min(20).max(100) })
export const surveyParams = z.object({ surveyId: z.uuid() })
export const documentParams = z.object({ kind: z.enum(['consent', 'discharge']), id: z.uuid() })

export const acceptInviteBody = z.object({
  password: z
    .string()
    .min(passwordRules.minLength, `must be at least ${passwordRules.minLength} characters`)
    .max(passwordRules.maxLength),
})

export const portalLoginBody = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(200),
})

export const disableMfaBody = z
  .object({
    password: z.string().min(1).max(200).optional(),
    code: codeBody.shape.code.optional(),
  })
  .refine((b) => (b.password === undefined) !== (b.code === undefined), {
    message: 'give either your password or a code from your authenticator app',
    path: ['password'],
  })

export const answersBody = z.object({ answers: surveyAnswers })

// Replies.

export const inviteCreatedSchema = z.object({
  delivery: z
    .enum(['email', 'shown-once'])
    .describe("'shown-once': no e-mail server, and the inviter may read the chart, so the link is here once"),
  emailConfigured: z.boolean(),
  inviteUrl: z
    .string()
    .nullable()
    .describe("only with 'shown-once'; otherwise the link is only in the e-mail"),
  expiresAt: timestamp,
})

export const portalStatusSchema = z.object({
  hasAccount: z.boolean(),
  invitedAt: timestamp.nullable(),
  lastSignInAt: timestamp.nullable(),
})

export const inviteSchema = z.object({
  givenName: z.string(),
  clinicName: z.string(),
  email: z.string().nullable(),
  expiresAt: timestamp,
})

export const sessionStartedSchema = z.object({ csrfToken: z.string() })
export const portalSignInSchema = z.object({
  csrfToken: z.string(),
  state: z.enum(['signed-in', 'mfa-required']),
})
export const mfaVerifiedSchema = z.object({ csrfToken: z.string(), state: z.literal('signed-in') })
export const magicLinkSchema = z.object({ csrfToken: z.string(), surveyId: z.string().nullable() })

export const portalMfaStatusSchema = z.object({ isEnabled: z.boolean(), enabledAt: timestamp.nullable() })

export const portalScopes = ['full', 'survey'] as const
export const portalMeSchema = z.object({
  csrfToken: z.string(),
  patient: z.object({ givenName: z.string(), familyName: z.string() }),
  clinic: z.object({ name: z.string(), phone: z.string().nullable() }),
  scope: z.enum(portalScopes).describe("'survey': a magic link's session, which may only answer `surveyId`"),
  surveyId: z.string().nullable(),
})

const thresholds = z.object({ warningAtOrAbove: z.number(), urgentAtOrAbove: z.number() })
/** The clinic's suicidal-ideation thresholds (§4), so the portal shows crisis resources where the clinic alerts. */
export const suicidalIdeationSchema = z.object({
  phq9Item9: z.object({ urgentAtOrAbove: z.number() }),
  qidsItem12: thresholds,
  madrsItem10: thresholds,
  hamdItem3: thresholds,
})

export const surveyReasons = ['weekly', 'after-session'] as const
export const portalSurveySchema = z.object({
  id: z.string(),
  instrumentId: z.string(),
  instrumentName: z.string(),
  reason: z.enum(surveyReasons),
  dueAt: timestamp,
  status: z.enum(['due', 'in-progress']),
  answers: surveyAnswers,
  suicidalIdeation: suicidalIdeationSchema.optional().describe('in the list only; defaults apply without it'),
})

export const surveyResultSchema = z.object({
  total: z.number(),
  band: z.object({ id: z.string(), label: z.string() }).nullable(),
  isCrisis: z.boolean(),
})

export const progressSeriesSchema = z.object({
  instrumentId: z.string(),
  name: z.string(),
  maxTotal: z.number(),
  baseline: z.number().nullable(),
  responseAt: z
    .number()
    .nullable()
    .describe('the total at or below which the patient meets response (≤ 50 % of baseline)'),
  remissionAt: z.number().nullable(),
  points: z.array(z.object({ at: timestamp, total: z.number() })),
})

export const portalProgressSchema = z.object({
  series: z.array(progressSeriesSchema),
  sessions: z.array(z.object({ at: timestamp, number: z.number() })),
})

export const portalAppointmentSchema = z.object({
  id: z.string(),
  scheduledAt: timestamp,
  clinicName: z.string(),
  route: z.enum(['iv', 'intranasal']),
  treatment: z.string(),
  instructions: z.array(z.string()),
})

export const portalDocumentSchema = z.object({
  id: z.string(),
  kind: z.enum(['consent', 'discharge-instructions']),
  title: z.string(),
  date: timestamp,
  url: z.string(),
})
