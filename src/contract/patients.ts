import { z } from 'zod'
import { enteredInErrorSchema, instant, isoDate, optionalText, pageQuery, timestamp } from './common'

// Patients: demographics with the postal address in parts, and weight/height history.

/** USPS two-letter codes: the states, DC and the territories with DEA registrants. */
export const usStateCodes: readonly string[] = Object.freeze(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY ' +
    'NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP'
  ).split(' '),
)

export const postalCodePattern = /^\d{5}(-\d{4})?$/

export const sexSchema = z.enum(['female', 'male', 'other', 'unknown'])
export const patientStageSchema = z.enum([
  'intake',
  'awaiting-decision',
  'declined',
  'deferred',
  'eligible',
  'ready-for-treatment',
])

const dateOfBirth = isoDate.refine(
  (d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10),
  'must be a date between 1900 and today',
)

const patientFields = {
  mrn: z.string().trim().min(1).max(40),
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  dateOfBirth,
  sex: sexSchema,
  phone: optionalText(40),
  email: z
    .union([z.email().max(320), z.literal('')])
    .nullish()
    .transform((v) => v || null),
  // §8: the administration log names the patient's address; required at registration.
  addressStreet: z.string().trim().min(1).max(200),
  addressCity: z.string().trim().min(1).max(100),
  addressState: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .refine((v) => v === '' || usStateCodes.includes(v), 'must be a US state code, such as OH or NY')
    .refine((v) => v !== '', 'is required'),
  addressPostalCode: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || postalCodePattern.test(v),
      'must be a ZIP code: 5 digits, or ZIP+4 (12345-6789)',
    )
    .refine((v) => v !== '', 'is required'),
  escortName: optionalText(200),
  escortPhone: optionalText(40),
  emergencyContactName: optionalText(200),
  emergencyContactPhone: optionalText(40),
  emergencyContactRelation: optionalText(100),
}

export const patientListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  dateOfBirth: isoDate.optional(),
})

export const createPatientBody = z.object({ ...patientFields, confirmNotDuplicate: z.boolean().optional() })

export const updatePatientBody = createPatientBody.partial().extend({
  // An address part sent empty or null is refused (an address is corrected, never removed);
  // null for all four leaves a patient registered before them without one.
  addressStreet: patientFields.addressStreet.nullish(),
  addressCity: patientFields.addressCity.nullish(),
  addressState: patientFields.addressState.nullish(),
  addressPostalCode: patientFields.addressPostalCode.nullish(),
  version: z.number().int().min(1),
})

export const measurementBody = z.object({
  weightKg: z.number().min(20).max(400),
  heightCm: z.number().min(100).max(250).nullish(),
  measuredAt: instant.optional(),
})

export const patientSchema = z.object({
  id: z.string(),
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  sex: sexSchema,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable().describe('One line, composed from the parts (free text before them)'),
  addressStreet: z.string().nullable(),
  addressCity: z.string().nullable(),
  addressState: z.string().nullable(),
  addressPostalCode: z.string().nullable(),
  escortName: z.string().nullable(),
  escortPhone: z.string().nullable(),
  emergencyContactName: z.string().nullable(),
  emergencyContactPhone: z.string().nullable(),
  emergencyContactRelation: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version: z.number(),
})

// Stage and open alerts are null for roles that may not read the chart (front desk, issue 13);
// whether a session can be booked is there for everyone.
export const patientWithStageSchema = patientSchema.extend({
  stage: patientStageSchema.nullable(),
  openAlerts: z.number().nullable(),
  isReadyForTreatment: z.boolean(),
})

export const measurementSchema = z.object({
  id: z.string(),
  measuredAt: timestamp,
  weightKg: z.number(),
  heightCm: z.number().nullable(),
  recordedBy: z.string().nullable(),
  enteredInError: enteredInErrorSchema,
})
