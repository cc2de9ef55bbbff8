import type { Selectable } from 'kysely'
import type { CsLossReportTable, LossKind } from '../../../db'
import {
  deadlineState,
  formatQuantity,
  lossReportDeadlines,
  negateQuantity,
  parseQuantity,
} from '../../../domain/ledger'
import { clinicDateOf } from '../../../domain/time'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { uuidv7 } from '../../ids'
import type { Principal } from '../../principal'
import { appendEntry } from './append-entry'
import { closeDiscrepancy, findOpenDiscrepancy } from './discrepancies'
import { invalidField, type LedgerScope, ledgerOperation, positiveMg, runInLedger } from './scope'
import { findEntryDto, findLot } from './store'

// Theft or significant loss (clinical-reference §8): the quantity comes off the books as a `loss`
// entry, and the report tracks the two DEA deadlines — written notice to the Field Division within
// one business day of discovery, and Form 106 within 45 days — until each is marked done.

export function toLossReportDto(
  row: Selectable<CsLossReportTable> & { lot_number: string; drug: string },
  today: string,
) {
  return {
    id: row.id,
    lotId: row.lot_id,
    lotNumber: row.lot_number,
    drug: row.drug,
    entryId: row.entry_id,
    discrepancyId: row.discrepancy_id,
    kind: row.kind,
    discoveredAt: row.discovered_at,
    discoveredOn: row.discovered_on,
    description: row.description,
    quantityMg: formatQuantity(parseQuantity(row.quantity)),
    deaNoticeDueOn: row.dea_notice_due_on,
    deaNoticeState: deadlineState(row.dea_notice_due_on, row.notice_sent_at?.toISOString() ?? null, today),
    noticeSentAt: row.notice_sent_at,
    noticeReference: row.notice_reference,
    form106DueOn: row.form_106_due_on,
    form106State: deadlineState(row.form_106_due_on, row.form_106_filed_at?.toISOString() ?? null, today),
    form106FiledAt: row.form_106_filed_at,
    form106Reference: row.form_106_reference,
    createdAt: row.created_at,
    createdBy: row.created_by,
    version: row.version,
  }
}

function reports(scope: LedgerScope) {
  return scope.tx
    .selectFrom('cs_loss_report as r')
    .innerJoin('cs_lot as l', 'l.id', 'r.lot_id')
    .selectAll('r')
    .select(['l.lot_number', 'l.drug'])
    .where('r.clinic_id', '=', scope.clinicId)
}

export const listLossReports = ledgerOperation(
  { permission: 'ledger:read', action: 'ledger.loss-reports', entity: 'cs_loss_report' },
  async (scope) => {
    const rows = await reports(scope).orderBy('r.discovered_at', 'desc').execute()
    return rows.map((r) => toLossReportDto(r, scope.today))
  },
)

export interface LossReportInput {
  lotId: string
  kind: LossKind
  discoveredAt: Date
  description: string
  quantity: string
  /** The count discrepancy this loss explains; filing the report resolves it. */
  discrepancyId?: string | undefined
}

export const fileLossReport = ledgerOperation(
  { permission: 'ledger:write', action: 'ledger.loss-report.file', entity: 'cs_loss_report' },
  async (scope, input: LossReportInput) => {
    if (input.discoveredAt > scope.now) throw invalidField('discoveredAt', 'cannot be in the future')
    const lot = await findLot(scope.tx, scope.clinicId, input.lotId)
    const quantity = positiveMg(input.quantity)
    if (input.discrepancyId) {
      const d = await findOpenDiscrepancy(scope, input.discrepancyId)
      if (d.lot_id !== lot.id) throw invalidField('discrepancyId', 'belongs to another lot')
      if (negateQuantity(parseQuantity(d.difference)) !== quantity)
        throw invalidField(
          'quantity',
          `must be the ${formatQuantity(negateQuantity(parseQuantity(d.difference)))} mg missing in the discrepancy`,
        )
    }
    const id = uuidv7(scope.now.getTime())
    const discoveredOn = clinicDateOf(input.discoveredAt, scope.timeZone)
    const deadlines = lossReportDeadlines(discoveredOn)
    const { entry } = await appendEntry(scope, {
      lot,
      kind: 'loss',
      quantity,
      reason: `${input.kind}: ${input.description}`,
      discrepancyId: input.discrepancyId ?? null,
      detail: { lossReportId: id, lossKind: input.kind, discoveredAt: input.discoveredAt.toISOString() },
    })
    await scope.tx
      .insertInto('cs_loss_report')
      .values({
        id,
        clinic_id: scope.clinicId,
        lot_id: lot.id,
        entry_id: entry.id,
        discrepancy_id: input.discrepancyId ?? null,
        kind: input.kind,
        discovered_at: input.discoveredAt,
        discovered_on: discoveredOn,
        description: input.description,
        quantity: formatQuantity(quantity),
        dea_notice_due_on: deadlines.deaNoticeDueOn,
        form_106_due_on: deadlines.form106DueOn,
        notice_sent_at: null,
        notice_sent_by: null,
        notice_reference: null,
        form_106_filed_at: null,
        form_106_filed_by: null,
        form_106_reference: null,
        created_at: scope.now,
        created_by: scope.principal.userId,
      })
      .execute()
    await scope.audit({
      action: 'ledger.loss-report.file',
      entity: 'cs_loss_report',
      entityId: id,
      detail: { lotId: lot.id, quantityMg: formatQuantity(quantity), kind: input.kind, ...deadlines },
    })
    if (input.discrepancyId)
      await closeDiscrepancy(scope, input.discrepancyId, 'loss-report', input.description)
    const row = await reports(scope).where('r.id', '=', id).executeTakeFirstOrThrow()
    return {
      report: toLossReportDto(row, scope.today),
      entry: await findEntryDto(scope.tx, scope.clinicId, entry.id),
    }
  },
)

export interface LossStepInput {
  at: Date
  reference?: string | null | undefined
  version: number
}

/** Marks the DEA notice sent or Form 106 filed; each can be marked once. */
export function markLossReportStep(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  reportId: string,
  step: 'dea-notice' | 'form-106',
  input: LossStepInput,
) {
  return runInLedger(
    ctx,
    principal,
    clinicId,
    { permission: 'ledger:write', action: `ledger.loss-report.${step}`, entity: 'cs_loss_report' },
    async (scope) => {
      const row = await reports(scope).where('r.id', '=', reportId).executeTakeFirst()
      if (!row) throw new AppError('not-found', 'No such loss report in this clinic.')
      if (row.version !== input.version)
        throw new AppError(
          'stale-version',
          'Someone changed this loss report since you opened it. Reload it.',
        )
      if (input.at > scope.now) throw invalidField('at', 'cannot be in the future')
      if (input.at < row.discovered_at) throw invalidField('at', 'is before the loss was discovered')
      const done = step === 'dea-notice' ? row.notice_sent_at : row.form_106_filed_at
      if (done) throw new AppError('conflict', `This step was already recorded on ${done.toISOString()}.`)
      const changes =
        step === 'dea-notice'
          ? {
              notice_sent_at: input.at,
              notice_sent_by: principal.userId,
              notice_reference: input.reference ?? null,
            }
          : {
              form_106_filed_at: input.at,
              form_106_filed_by: principal.userId,
              form_106_reference: input.reference ?? null,
            }
      await scope.tx
        .updateTable('cs_loss_report')
        .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
        .where('id', '=', reportId)
        .where('version', '=', input.version)
        .execute()
      await scope.audit({
        action: `ledger.loss-report.${step}`,
        entity: 'cs_loss_report',
        entityId: reportId,
        detail: { at: input.at.toISOString(), reference: input.reference ?? null },
      })
      const updated = await reports(scope).where('r.id', '=', reportId).executeTakeFirstOrThrow()
      return toLossReportDto(updated, scope.today)
    },
  )
}
