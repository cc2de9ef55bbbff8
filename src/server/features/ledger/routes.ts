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
import { signInOf } from '../../plugins/auth'
import type { Principal } from '../../principal'
import { getCountSheet, submitCountSheet } from './count-sheet'
import { listDiscrepancies, resolveDiscrepancy } from './discrepancies'
import { fileLossReport, listLossReports, markLossReportStep } from './loss-reports'
import { reportRoutes } from './report-routes'
import * as ledger from './service'
import { getSessionDose, listWastesOwed, recordSessionWaste } from './session-dose'

const tags = ['ledger']
const base = '/api/v1/clinics/:clinicId/ledger'
type MovementReply = z.infer<typeof movementReply>

export function ledgerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(lotRoutes(ctx))
    await app.register(movementRoutes(ctx))
    await app.register(countRoutes(ctx))
    await app.register(sessionDoseRoutes(ctx))
    await app.register(lossReportRoutes(ctx))
    await app.register(reportRoutes(ctx))
  }
}

/** Stock, lots and their entries, and who may witness. */
function lotRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/stock`,
      {
        schema: {
          tags,
          summary: 'Stock on hand: every lot with its balance and expiry state, and totals per drug',
          params: clinicParams,
          response: { 200: stockSchema },
        },
      },
      async (request) => ledger.listStock(ctx, signInOf(request).principal, request.params.clinicId),
    )

    app.post(
      `${base}/lots`,
      {
        schema: {
          tags,
          summary:
            'Receive a new lot: receipt record (supplier, DEA number, invoice, containers) and its receive entry',
          params: clinicParams,
          body: createLotBody,
          response: { 201: lotCreatedSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await ledger.createLot(ctx, signInOf(request).principal, request.params.clinicId, request.body),
          ),
    )

    app.get(
      `${base}/lots/:lotId`,
      {
        schema: {
          tags,
          summary: 'One lot with its entries, newest first',
          params: lotParams,
          response: { 200: lotWithEntriesSchema },
        },
      },
      async (request) =>
        ledger.getLot(ctx, signInOf(request).principal, request.params.clinicId, request.params.lotId),
    )

    app.get(
      `${base}/entries`,
      {
        schema: {
          tags,
          summary: 'Ledger entries, newest first',
          params: clinicParams,
          querystring: entriesQuery,
          response: { 200: entriesPageSchema },
        },
      },
      async (request) =>
        ledger.listEntries(ctx, signInOf(request).principal, request.params.clinicId, request.query),
    )

    app.get(
      `${base}/witnesses`,
      {
        schema: {
          tags,
          summary: 'Who may witness your entries: active nurses and prescribers of the clinic other than you',
          params: clinicParams,
          response: { 200: z.array(witnessCandidateSchema) },
        },
      },
      async (request) => ledger.listWitnesses(ctx, signInOf(request).principal, request.params.clinicId),
    )
  }
}

/** Receipts, wastes, breakage, returns and transfers of one lot: each answers the same movement. */
function movementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const movement = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      run: (
        principal: Principal,
        clinicId: string,
        lotId: string,
        input: z.infer<B>,
      ) => Promise<MovementReply>,
    ) =>
      app.post(
        `${base}/lots/:lotId/${path}`,
        { schema: { tags, summary, params: lotParams, body, response: { 201: movementReply } } },
        async (request, reply) => {
          const { clinicId, lotId } = request.params
          return reply
            .status(201)
            .send(await run(signInOf(request).principal, clinicId, lotId, request.body as z.infer<B>))
        },
      )
    movement('receipts', 'A further receipt of this lot (another invoice)', receiptBody, (p, c, l, b) =>
      ledger.receive(ctx, p, c, l, b),
    )
    movement(
      'waste',
      "Waste with a reason; witnessed when the clinic's setting requires it (the default)",
      wasteBody,
      (p, c, l, b) => ledger.waste(ctx, p, c, l, b),
    )
    movement(
      'breakage',
      'Witnessed breakage or spillage (recorded, not a loss)',
      breakageBody,
      (p, c, l, b) => ledger.breakage(ctx, p, c, l, b),
    )
    movement('returns', 'Return to the supplier or a reverse distributor', shipmentBody, (p, c, l, b) =>
      ledger.ship(ctx, p, c, l, 'return', b),
    )
    movement('transfers', 'Transfer to another DEA registrant', shipmentBody, (p, c, l, b) =>
      ledger.ship(ctx, p, c, l, 'transfer', b),
    )
  }
}

/** The blind count sheet and the discrepancies a count opens. */
function countRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/count-sheet`,
      {
        schema: {
          tags,
          summary: 'The lots to count, without their balances (a blind count)',
          params: clinicParams,
          response: { 200: countSheetSchema },
        },
      },
      async (request) => getCountSheet(ctx, signInOf(request).principal, request.params.clinicId),
    )

    app.post(
      `${base}/count-sheets`,
      {
        schema: {
          tags,
          summary:
            'Submit a whole count sheet at once, witnessed: every lot in stock counted; replies with the expected balances and any discrepancies',
          params: clinicParams,
          body: countSheetBody,
          response: { 201: countSheetReply },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await submitCountSheet(ctx, signInOf(request).principal, request.params.clinicId, request.body),
          ),
    )

    app.get(
      `${base}/discrepancies`,
      {
        schema: {
          tags,
          summary: 'Discrepancies opened by counts, newest first',
          params: clinicParams,
          querystring: discrepanciesQuery,
          response: { 200: z.array(discrepancySchema) },
        },
      },
      async (request) =>
        listDiscrepancies(ctx, signInOf(request).principal, request.params.clinicId, request.query),
    )

    app.post(
      `${base}/discrepancies/:discrepancyId/resolve`,
      {
        schema: {
          tags,
          summary:
            'Resolve a discrepancy with a reason and a witness: an adjustment entry for the difference, or a matching recount',
          params: discrepancyParams,
          body: resolveBody,
          response: { 200: resolvedDiscrepancySchema },
        },
      },
      async (request) =>
        resolveDiscrepancy(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.discrepancyId,
          request.body,
        ),
    )
  }
}

/** What a treatment session drew, gave and still owes as waste. */
function sessionDoseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/wastes-owed`,
      {
        schema: {
          tags,
          summary:
            'Sessions with a waste still owed (drawn and not given): a stopped pump, an aborted or cancelled session',
          params: clinicParams,
          response: { 200: z.array(wasteOwedSchema) },
        },
      },
      async (request) => listWastesOwed(ctx, signInOf(request).principal, request.params.clinicId),
    )

    app.get(
      `${base}/sessions/:sessionId/dose`,
      {
        schema: {
          tags,
          summary:
            "A treatment session's dose in the ledger: drawn, given, wasted and the waste owed, per lot",
          params: ledgerSessionParams,
          response: { 200: sessionDoseSchema },
        },
      },
      async (request) =>
        getSessionDose(ctx, signInOf(request).principal, request.params.clinicId, request.params.sessionId),
    )

    app.post(
      `${base}/sessions/:sessionId/waste`,
      {
        schema: {
          tags,
          summary:
            'Witnessed waste of what was drawn for a session and not given (exactly the amount owed for the lot)',
          params: ledgerSessionParams,
          body: sessionWasteBody,
          response: { 201: sessionDoseSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await recordSessionWaste(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.params.sessionId,
              request.body,
            ),
          ),
    )
  }
}

/** Theft and significant-loss reports and their two DEA steps. */
function lossReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/loss-reports`,
      {
        schema: {
          tags,
          summary: 'Theft and significant-loss reports with their DEA deadlines',
          params: clinicParams,
          response: { 200: z.array(lossReportSchema) },
        },
      },
      async (request) => listLossReports(ctx, signInOf(request).principal, request.params.clinicId),
    )

    app.post(
      `${base}/loss-reports`,
      {
        schema: {
          tags,
          summary:
            'Report a theft or significant loss: a loss entry, the DEA notice due in 1 business day and Form 106 in 45 days',
          params: clinicParams,
          body: lossReportBody,
          response: { 201: lossReportFiledSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await fileLossReport(ctx, signInOf(request).principal, request.params.clinicId, request.body),
          ),
    )

    for (const step of lossSteps) {
      app.post(
        `${base}/loss-reports/:reportId/${step}`,
        {
          schema: {
            tags,
            summary:
              step === 'dea-notice'
                ? 'Record that the written notice went to the DEA Field Division'
                : 'Record that DEA Form 106 was filed',
            params: lossReportParams,
            body: lossStepBody,
            response: { 200: lossReportSchema },
          },
        },
        async (request) =>
          markLossReportStep(
            ctx,
            signInOf(request).principal,
            request.params.clinicId,
            request.params.reportId,
            step,
            request.body,
          ),
      )
    }
  }
}
