import { z } from 'zod'
import { instant, isoDate } from '../../../contract/common'
import { isValidDeaNumber, ledgerEntryKinds } from '../../../domain/ledger'

// Request and reply schemas of the ledger API (they also generate /openapi.json). Quantities are
// milligrams of the drug as labelled, as decimal text with at most six decimals — never floats.

export const entryKinds = ledgerEntryKinds

export const mg = z
  .string()
  .trim()
  .regex(/^-?\d{1,12}(\.\d{1,6})?$/, 'must be a number of mg with at most 6 decimals, e.g. "12.5"')
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
    totpCode: z
      .string()
      .regex(/^\d{6}$/, 'must be the 6-digit code')
      .optional(),
  })
  .describe('A second nurse or prescriber of the clinic; their own password or authenticator code')

const receipt = {
  containerCount: z.number().int().min(1).max(10_000),
  containerNumbers: z.array(z.string().trim().min(1).max(40)).max(10_000).optional(),
  invoiceNumber: z.string().trim().min(1).max(60),
  witness: witness.optional(),
}

export const createLotBody = z.object({
  drug: z.enum(['racemic-ketamine', 'esketamine']),
  ndc: z
    .string()
    .trim()
    .regex(/^\d{4,5}-\d{3,4}-\d{1,2}$/, 'must be an NDC with hyphens, e.g. 0409-2051-05'),
  product: z.string().trim().min(1).max(200),
  strengthMg: mg.describe('mg per mL (vials) or per device (nasal spray)'),
  unit: z.enum(['mL', 'device']),
  unitsPerContainer: mg.describe('mL per vial, or devices per package'),
  lotNumber: z.string().trim().min(1).max(40),
  expiresOn: isoDate,
  supplier: party,
  ...receipt,
})

export const receiptBody = z.object({ ...receipt, supplier: party.optional() })

const reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(1000)

export const wasteBody = z.object({
  quantity: mg,
  reason,
  method: z.string().trim().max(200).nullish(),
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
  occasion: z.enum(['opening', 'closing', 'shift', 'other']).default('shift'),
  witness: witness.describe('Required: a second nurse or prescriber who counted alongside'),
  counts: z
    .array(z.object({ lotId: z.uuid(), counted: mg.describe('the amount counted, mg') }))
    .min(1, 'count at least one lot')
    .max(500),
})

export const countSheetSchema = z.object({
  today: z.string(),
  lots: z.array(
    z.object({
      id: z.string(),
      drug: z.enum(['racemic-ketamine', 'esketamine']),
      drugLabel: z.string(),
      product: z.string(),
      lotNumber: z.string(),
      expiresOn: z.string(),
      expiryStatus: z.enum(['ok', 'expiring', 'expired']),
      daysToExpiry: z.number(),
      unit: z.enum(['mL', 'device']),
      strengthMg: z.string(),
    }),
  ),
})

export const sessionWasteBody = z.object({
  lotId: z.uuid(),
  quantity: mg.describe('exactly the amount owed for the lot'),
  method: z.string().trim().max(200).nullish(),
  reason: z.string().trim().max(1000).nullish(),
  witness,
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

export const resolveBody = z.object({
  reason,
  recounted: mg.optional().describe('a recount that matches the balance closes it without an adjustment'),
  witness,
  version: z.number().int().min(1),
})

export const lossReportBody = z.object({
  lotId: z.uuid(),
  kind: z.enum(['theft', 'significant-loss', 'in-transit-loss']),
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

export const lotSchema = z.object({
  id: z.string(),
  drug: z.enum(['racemic-ketamine', 'esketamine']),
  drugLabel: z.string(),
  ndc: z.string(),
  product: z.string(),
  strengthMg: z.string(),
  unit: z.enum(['mL', 'device']),
  unitsPerContainer: z.string(),
  lotNumber: z.string(),
  expiresOn: z.string(),
  expiryStatus: z.enum(['ok', 'expiring', 'expired']),
  daysToExpiry: z.number(),
  containerNumbers: z.array(z.string()),
  supplierName: z.string(),
  supplierAddress: z.string(),
  supplierDea: z.string(),
  invoiceNumber: z.string(),
  receivedAt: z.date(),
  receivedBy: z.string(),
  witnessUserId: z.string().nullable(),
  balanceMg: z.string(),
  balanceUnits: z.string().describe('the balance in mL or devices (rounded to 6 decimals)'),
  openDiscrepancies: z.number(),
})

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
  detail: z.record(z.string(), z.unknown()),
  at: z.date(),
  recordedAt: z.date(),
  hash: z.string(),
})

export const discrepancySchema = z.object({
  id: z.string(),
  lotId: z.string(),
  lotNumber: z.string(),
  drug: z.string(),
  openedAt: z.date(),
  openedBy: z.string(),
  expectedMg: z.string(),
  countedMg: z.string(),
  differenceMg: z.string(),
  status: z.enum(['open', 'resolved']),
  resolution: z.enum(['adjustment', 'recount', 'loss-report']).nullable(),
  resolvedAt: z.date().nullable(),
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
  kind: z.enum(['theft', 'significant-loss', 'in-transit-loss']),
  discoveredAt: z.date(),
  discoveredOn: z.string(),
  description: z.string(),
  quantityMg: z.string(),
  deaNoticeDueOn: z.string(),
  deaNoticeState: deadline,
  noticeSentAt: z.date().nullable(),
  noticeReference: z.string().nullable(),
  form106DueOn: z.string(),
  form106State: deadline,
  form106FiledAt: z.date().nullable(),
  form106Reference: z.string().nullable(),
  createdAt: z.date(),
  createdBy: z.string(),
  version: z.number(),
})

export const movementReply = z.object({
  entry: entrySchema,
  lot: lotSchema,
  discrepancy: discrepancySchema.nullable(),
})
