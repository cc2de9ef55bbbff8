import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams } from '../../../contract/common'
import {
  breakageBody,
  countSheetBody,
  countSheetReply,
  countSheetSchema,
  createLotBody,
  discrepanciesQuery,
  discrepancyParams,
  discrepancySchema,
  entriesPageSchema,
  entriesQuery,
  ledgerSessionParams,
  lossReportBody,
  lossReportFiledSchema,
  lossReportParams,
  lossReportSchema,
  lossStepBody,
  lossSteps,
  lotCreatedSchema,
  lotParams,
  lotWithEntriesSchema,
  movementReply,
  receiptBody,
  resolveBody,
  resolvedDiscrepancySchema,
  sessionDoseSchema,
  sessionWasteBody,
  shipmentBody,
  stockSchema,
  wasteBody,
  wasteOwedSchema,
  witnessCandidateSchema,
} from '../../../contract/ledger'
import type { AppContext } from '../../context'
import { clinic, type RouteTable, routeTable } from '../../route-table'
import { getCountSheet, submitCountSheet } from './count-sheet'
import { listDiscrepancies, resolveDiscrepancy } from './discrepancies'
import { fileLossReport, listLossReports, markLossReportStep } from './loss-reports'
import { reportRoutes } from './report-routes'
import * as ledger from './service'
import { getSessionDose, listWastesOwed, recordSessionWaste } from './session-dose'

const base = '/api/v1/clinics/:clinicId/ledger'
const lot = ['clinicId', 'lotId'] as const

export function ledgerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(
      routeTable(ctx, ['ledger'], (routes) => {
        lotRoutes(routes)
        movementRoutes(routes, ctx)
        countRoutes(routes)
        sessionDoseRoutes(routes)
        lossReportRoutes(routes, ctx)
      }),
    )
    await app.register(reportRoutes(ctx))
  }
}

/** Stock, lots and their entries, and who may witness. */
function lotRoutes({ get, post, call }: RouteTable) {
  get(
    `${base}/stock`,
    'Stock on hand: every lot with its balance and expiry state, and totals per drug',
    { params: clinicParams, 200: stockSchema },
    call(clinic, ledger.listStock),
  )
  post(
    `${base}/lots`,
    'Receive a new lot: receipt record (supplier, DEA number, invoice, containers) and its receive entry',
    { params: clinicParams, body: createLotBody, 201: lotCreatedSchema },
    call(clinic, ledger.createLot),
  )
  get(
    `${base}/lots/:lotId`,
    'One lot with its entries, newest first',
    { params: lotParams, 200: lotWithEntriesSchema },
    call(lot, ledger.getLot),
  )
  get(
    `${base}/entries`,
    'Ledger entries, newest first',
    { params: clinicParams, query: entriesQuery, 200: entriesPageSchema },
    call(clinic, ledger.listEntries),
  )
  get(
    `${base}/witnesses`,
    'Who may witness your entries: active nurses and prescribers of the clinic other than you',
    { params: clinicParams, 200: z.array(witnessCandidateSchema) },
    call(clinic, ledger.listWitnesses),
  )
}

/** Receipts, wastes, breakage, returns and transfers of one lot: each answers the same movement. */
function movementRoutes({ post, call }: RouteTable, ctx: AppContext) {
  const movement = { params: lotParams, 201: movementReply }
  post(
    `${base}/lots/:lotId/receipts`,
    'A further receipt of this lot (another invoice)',
    { ...movement, body: receiptBody },
    call(lot, ledger.receive),
  )
  post(
    `${base}/lots/:lotId/waste`,
    "Waste with a reason; witnessed when the clinic's setting requires it (the default)",
    { ...movement, body: wasteBody },
    call(lot, ledger.waste),
  )
  post(
    `${base}/lots/:lotId/breakage`,
    'Witnessed breakage or spillage (recorded, not a loss)',
    { ...movement, body: breakageBody },
    call(lot, ledger.breakage),
  )
  const shipments = [
    ['returns', 'return', 'Return to the supplier or a reverse distributor'],
    ['transfers', 'transfer', 'Transfer to another DEA registrant'],
  ] as const
  for (const [path, kind, summary] of shipments)
    post(
      `${base}/lots/:lotId/${path}`,
      summary,
      { ...movement, body: shipmentBody },
      ({ principal, clinicId, lotId, body }) => ledger.ship(ctx, principal, clinicId, lotId, kind, body),
    )
}

/** The blind count sheet and the discrepancies a count opens. */
function countRoutes({ get, post, call }: RouteTable) {
  get(
    `${base}/count-sheet`,
    'The lots to count, without their balances (a blind count)',
    { params: clinicParams, 200: countSheetSchema },
    call(clinic, getCountSheet),
  )
  post(
    `${base}/count-sheets`,
    'Submit a whole count sheet at once, witnessed: every lot in stock counted; replies with the expected balances and any discrepancies',
    { params: clinicParams, body: countSheetBody, 201: countSheetReply },
    call(clinic, submitCountSheet),
  )
  get(
    `${base}/discrepancies`,
    'Discrepancies opened by counts, newest first',
    { params: clinicParams, query: discrepanciesQuery, 200: z.array(discrepancySchema) },
    call(clinic, listDiscrepancies),
  )
  post(
    `${base}/discrepancies/:discrepancyId/resolve`,
    'Resolve a discrepancy with a reason and a witness: an adjustment entry for the difference, or a matching recount',
    { params: discrepancyParams, body: resolveBody, 200: resolvedDiscrepancySchema },
    call(['clinicId', 'discrepancyId'], resolveDiscrepancy),
  )
}

/** What a treatment session drew, gave and still owes as waste. */
function sessionDoseRoutes({ get, post, call }: RouteTable) {
  const session = ['clinicId', 'sessionId'] as const
  get(
    `${base}/wastes-owed`,
    'Sessions with a waste still owed (drawn and not given): a stopped pump, an aborted or cancelled session',
    { params: clinicParams, 200: z.array(wasteOwedSchema) },
    call(clinic, listWastesOwed),
  )
  get(
    `${base}/sessions/:sessionId/dose`,
    "A treatment session's dose in the ledger: drawn, given, wasted and the waste owed, per lot",
    { params: ledgerSessionParams, 200: sessionDoseSchema },
    call(session, getSessionDose),
  )
  post(
    `${base}/sessions/:sessionId/waste`,
    'Witnessed waste of what was drawn for a session and not given (exactly the amount owed for the lot)',
    { params: ledgerSessionParams, body: sessionWasteBody, 201: sessionDoseSchema },
    call(session, recordSessionWaste),
  )
}

/** Theft and significant-loss reports and their two DEA steps. */
function lossReportRoutes({ get, post, call }: RouteTable, ctx: AppContext) {
  get(
    `${base}/loss-reports`,
    'Theft and significant-loss reports with their DEA deadlines',
    { params: clinicParams, 200: z.array(lossReportSchema) },
    call(clinic, listLossReports),
  )
  post(
    `${base}/loss-reports`,
    'Report a theft or significant loss: a loss entry, the DEA notice due in 1 business day and Form 106 in 45 days',
    { params: clinicParams, body: lossReportBody, 201: lossReportFiledSchema },
    call(clinic, fileLossReport),
  )
  for (const step of lossSteps) {
    post(
      `${base}/loss-reports/:reportId/${step}`,
      step === 'dea-notice'
        ? 'Record that the written notice went to the DEA Field Division'
        : 'Record that DEA Form 106 was filed',
      { params: lossReportParams, body: lossStepBody, 200: lossReportSchema },
      ({ principal, clinicId, reportId, body }) =>
        markLossReportStep(ctx, principal, clinicId, reportId, step, body),
    )
  }
}
