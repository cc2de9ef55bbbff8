import { z } from 'zod'
import { isValidDeaNumber, ledgerEntryKinds, ledgerInputLimits } from '../domain/ledger'
import { clinicParams, instant, isoDate, paged, pageQuery, timestamp } from './common'

// The controlled-substance ledger's API contract (src/server/features/ledger). Quantities are
// milligrams of the drug as labelled, as decimal text with at most six decimals — never floats.

export const entryKinds = ledgerEntryKinds
export const drugs = ['racemic-ketamine', 'esketamine'] as const
export const lotUnits = ['mL', 'device'] as const
export const expiryStatuses = ['ok', 'expiring', 'expired'] as const
export const countOccasions = ['opening', 'closing', 'shift', 'other'] as const
export const lossKinds = ['theft', 'significant-loss', 'in-transit-loss'] as const
export const lossSteps = ['dea-notice', 'form-106'] as const
export const reportKinds = ['inventory', 'administrations', 'waste', 'discrepancies'] as const
export const inventoryTypes = ['initial', 'biennial', 'on-demand'] as const
export const inventoryTimings = ['opening', 'closing'] as const

const limits = ledgerInputLimits

export const mg = z
  .string()
  .trim()
  .regex(limits.mgPattern, 'must be a number of mg with at most 6 decimals, e.g. "12.5"')
  .describe('milligrams as decimal text')

export const deaNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidDeaNumber, 'is not a valid DEA registration number (two letters, seven digits, check digit)')

export const party = z.object({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().min(1).max(500),
  dea: deaNumber,
})

export const witness = z
  .object({
    userId: z.uuid(),
    password: z.string().min(1).max(200).optional(),
    totpCode: z.string().regex(limits.totpCodePattern, 'must be the 6-digit code').optional(),
  })
  .describe('A second nurse or prescriber of the clinic; their own password or authenticator code')

const drug = z.enum(drugs)
const lotUnit = z.enum(lotUnits)
const expiryStatus = z.enum(expiryStatuses)

// Requests.

export const lotParams = clinicParams.extend({ lotId: z.uuid() })
export const ledgerSessionParams = clinicParams.extend({ sessionId: z.uuid() })
export const discrepancyParams = clinicParams.extend({ discrepancyId: z.uuid() })
export const lossReportParams = clinicParams.extend({ reportId: z.uuid() })

const receipt = {
  containerCount: z.number().int().min(1).max(limits.containerCountMax),
  containerNumbers: z
    .array(z.string().trim().min(1).max(limits.containerNumberMaxLength))
    .max(limits.containerCountMax)
    .optional(),
  invoiceNumber: z.string().trim().min(1).max(60),
  witness: witness.optional(),
}

export const createLotBody = z.object({
  drug,
  ndc: z
    .string()
    .trim()
    .regex(/^\d{4,5}-\d{3,4}-\d{1,2}$/, 'must be an NDC with hyphens, e.g. 0409-2051-05'),
  product: z.string().trim().min(1).max(200),
  strengthMg: mg.describe('mg per mL (vials) or per device (nasal spray)'),
  unit: lotUnit,
  unitsPerContainer: mg.describe('mL per vial, or devices per package'),
  lotNumber: z.string().trim().min(1).max(40),
  expiresOn: isoDate,
  supplier: party,
  ...receipt,
})

export const receiptBody = z.object({ ...receipt, supplier: party.optional() })

const reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(1000)
const method = z.string().trim().max(limits.wasteMethodMaxLength).nullish()

export const wasteBody = z.object({
  quantity: mg,
  reason,
  method,
  patientId: z.uuid().nullish(),
  sessionId: z.uuid().nullish(),
  witness: witness.optional(),
})

export const breakageBody = z.object({ quantity: mg, reason, witness })

export const shipmentBody = z.object({
  quantity: mg,
  recipient: party,
  document: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('invoice, return authorization or transfer record number'),
  reason: z.string().trim().max(1000).nullish(),
  witness: witness.optional(),
})

export const countSheetBody = z.object({
  occasion: z.enum(countOccasions).default('shift'),
  witness: witness.describe('Required: a second nurse or prescriber who counted alongside'),
  counts: z
    .array(z.object({ lotId: z.uuid(), counted: mg.describe('the amount counted, mg') }))
    .min(1, 'count at least one lot')
    .max(500),
})

export const sessionWasteBody = z.object({
  lotId: z.uuid(),
  quantity: mg.describe('exactly the amount owed for the lot'),
  method,
  reason: z.string().trim().max(1000).nullish(),
  witness,
})

export const resolveBody = z.object({
  reason,
  recounted: mg.optional().describe('a recount that matches the balance closes it without an adjustment'),
  witness,
  version: z.number().int().min(1),
})

export const lossReportBody = z.object({
  lotId: z.uuid(),
  kind: z.enum(lossKinds),
  discoveredAt: instant,
  description: z.string().trim().min(3).max(4000),
  quantity: mg,
  discrepancyId: z.uuid().optional(),
})

export const lossStepBody = z.object({
  at: instant,
  reference: z.string().trim().max(200).nullish(),
  version: z.number().int().min(1),
})

export const entriesQuery = pageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  lotId: z.uuid().optional(),
  kind: z.enum(entryKinds).optional(),
  from: instant.optional(),
  to: instant.optional(),
})

export const discrepanciesQuery = z.object({ status: z.enum(['open', 'resolved']).optional() })

export const reportParams = clinicParams.extend({ kind: z.enum(reportKinds) })
export const reportQuery = z.object({
  format: z.enum(['csv', 'pdf']).default('pdf'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  inventoryType: z.enum(inventoryTypes).optional(),
  timing: z.enum(inventoryTimings).optional(),
  date: isoDate.optional(),
})

// Replies.

export const lotSchema = z.object({
  id: z.string(),
  drug,
  drugLabel: z.string(),
  ndc: z.string(),
  product: z.string(),
  strengthMg: z.string(),
  unit: lotUnit,
  unitsPerContainer: z.string(),
  lotNumber: z.string(),
  expiresOn: z.string(),
  expiryStatus,
  daysToExpiry: z.number(),
  containerNumbers: z.array(z.string()),
  supplierName: z.string(),
  supplierAddress: z.string(),
  supplierDea: z.string(),
  invoiceNumber: z.string(),
  receivedAt: timestamp,
  receivedBy: z.string(),
  witnessUserId: z.string().nullable(),
  balanceMg: z.string(),
  balanceUnits: z.string().describe('the balance in mL or devices (rounded to 6 decimals)'),
  openDiscrepancies: z.number(),
})

const text = z.string().optional()

/**
 * What an entry records beyond its columns, by kind: a receipt's invoice and supplier, a shipment's
 * recipient and document, a waste's method, a count's occasion, a loss's report, a session
 * administration's dispense. Stored as written (it is hashed into the chain), so members are optional.
 */
export const entryDetailSchema = z
  .object({
    invoiceNumber: text,
    containerCount: z.number().optional(),
    containerNumbers: z.array(z.string()).optional(),
    supplierName: text,
    supplierAddress: text,
    supplierDea: text,
    recipientName: text,
    recipientAddress: text,
    recipientDea: text,
    document: text,
    method: z.string().nullable().optional(),
    occasion: text.describe('a count sheet occasion, or "recount"'),
    sheet: text,
    differenceMg: text,
    lossReportId: text,
    lossKind: text,
    discoveredAt: text.describe('ISO 8601, as it was hashed'),
    dispenseEntryId: text,
    drawnMg: text,
    source: text,
    concentrationMgPerMl: text,
  })
  // An entry written by an older version may carry other members; they stay visible as written.
  .catchall(z.json())

export const entrySchema = z.object({
  id: z.string(),
  seq: z.number(),
  lotId: z.string(),
  lotNumber: z.string(),
  drug: z.string(),
  lotSeq: z.number(),
  kind: z.enum(entryKinds),
  quantityMg: z.string(),
  changeMg: z.string(),
  balanceAfterMg: z.string(),
  actorUserId: z.string(),
  actorName: z.string(),
  witnessUserId: z.string().nullable(),
  witnessName: z.string().nullable(),
  reason: z.string().nullable(),
  sessionId: z.string().nullable(),
  patientId: z.string().nullable(),
  patientName: z.string().nullable(),
  discrepancyId: z.string().nullable(),
  expectedMg: z.string().nullable(),
  countedMg: z.string().nullable(),
  detail: entryDetailSchema,
  at: timestamp,
  recordedAt: timestamp,
  hash: z.string(),
})

export const discrepancySchema = z.object({
  id: z.string(),
  lotId: z.string(),
  lotNumber: z.string(),
  drug: z.string(),
  openedAt: timestamp,
  openedBy: z.string(),
  expectedMg: z.string(),
  countedMg: z.string(),
  differenceMg: z.string(),
  status: z.enum(['open', 'resolved']),
  resolution: z.enum(['adjustment', 'recount', 'loss-report']).nullable(),
  resolvedAt: timestamp.nullable(),
  resolvedBy: z.string().nullable(),
  resolutionReason: z.string().nullable(),
  version: z.number(),
})

const deadline = z.enum(['done', 'due', 'overdue'])
export const lossReportSchema = z.object({
  id: z.string(),
  lotId: z.string(),
  lotNumber: z.string(),
  drug: z.string(),
  entryId: z.string(),
  discrepancyId: z.string().nullable(),
  kind: z.enum(lossKinds),
  discoveredAt: timestamp,
  discoveredOn: z.string(),
  description: z.string(),
  quantityMg: z.string(),
  deaNoticeDueOn: z.string(),
  deaNoticeState: deadline,
  noticeSentAt: timestamp.nullable(),
  noticeReference: z.string().nullable(),
  form106DueOn: z.string(),
  form106State: deadline,
  form106FiledAt: timestamp.nullable(),
  form106Reference: z.string().nullable(),
  createdAt: timestamp,
  createdBy: z.string(),
  version: z.number(),
})

export const stockSchema = z.object({
  today: z.string(),
  expiryWarningDays: z.number(),
  wasteWitnessRequired: z.boolean(),
  lots: z.array(lotSchema),
  drugs: z.array(z.object({ drug, drugLabel: z.string(), balanceMg: z.string(), lotsInStock: z.number() })),
})

export const lotWithEntriesSchema = z.object({ lot: lotSchema, entries: z.array(entrySchema) })
export const lotCreatedSchema = z.object({ lot: lotSchema, entry: entrySchema })
export const entriesPageSchema = paged(entrySchema)

export const movementReply = z.object({
  entry: entrySchema,
  lot: lotSchema,
  discrepancy: discrepancySchema.nullable(),
})

/** A lot on the blind count sheet: no balance until the sheet is submitted. */
export const countSheetLotSchema = z.object({
  id: z.string(),
  drug,
  drugLabel: z.string(),
  product: z.string(),
  lotNumber: z.string(),
  expiresOn: z.string(),
  expiryStatus,
  daysToExpiry: z.number(),
  unit: lotUnit,
  strengthMg: z.string(),
})

export const countSheetSchema = z.object({ today: z.string(), lots: z.array(countSheetLotSchema) })

export const countSheetResultSchema = z.object({
  lotId: z.string(),
  lotNumber: z.string(),
  drugLabel: z.string(),
  entryId: z.string(),
  expectedMg: z.string(),
  countedMg: z.string(),
  differenceMg: z.string(),
  discrepancy: discrepancySchema.nullable(),
})

export const countSheetReply = z.object({
  occasion: z.enum(countOccasions),
  witnessName: z.string(),
  results: z.array(countSheetResultSchema),
})

export const sessionDoseSchema = z.object({
  isDelivering: z.boolean(),
  owedMg: z.string(),
  lots: z.array(
    z.object({
      dispenseEntryId: z.string(),
      lotId: z.string(),
      lotNumber: z.string(),
      drugLabel: z.string(),
      drawnMg: z.string(),
      givenMg: z.string().nullable(),
      wastedMg: z.string(),
      owedMg: z.string(),
    }),
  ),
})

export const wasteOwedSchema = z.object({
  sessionId: z.string(),
  sessionState: z.string(),
  scheduledAt: timestamp,
  patientName: z.string(),
  owedMg: z.string(),
  lots: z.array(z.object({ lotId: z.string(), lotNumber: z.string(), owedMg: z.string() })),
})

export const witnessCandidateSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.string(),
  hasAuthenticator: z.boolean(),
})

export const resolvedDiscrepancySchema = z.object({ discrepancy: discrepancySchema, entry: entrySchema })
export const lossReportFiledSchema = z.object({ report: lossReportSchema, entry: entrySchema })

export const verifyVerdictSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  brokenAt: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.string().nullable(),
})
