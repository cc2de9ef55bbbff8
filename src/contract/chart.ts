import { z } from 'zod'
import { safetyAlertSchema } from './assessments'
import { consentSchema } from './consent'
import { bodyMeasuresSchema, decisionSchema } from './eligibility'
import { patientSchema, patientStageSchema } from './patients'
import { planSchema } from './plans'

// The chart's "at a glance": the patient's stage and what is done and missing before a first session.

export const checklistItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  isDone: z.boolean(),
  detail: z.string(),
})

export const chartSchema = z.object({
  patient: patientSchema,
  stage: patientStageSchema,
  checklist: z.array(checklistItemSchema),
  openAlerts: z.array(safetyAlertSchema),
  decision: decisionSchema.nullable().describe('The latest eligibility decision'),
  consent: consentSchema.nullable().describe('The current signed consent'),
  plan: planSchema.nullable().describe('The approved treatment plan'),
  body: bodyMeasuresSchema,
})
