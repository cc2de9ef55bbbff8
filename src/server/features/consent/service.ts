import type { Selectable } from 'kysely'
import type { ConsentTable, ConsentTextTable } from '../../../db'
import { canonicalize } from '../../../domain/ledger/hash-chain'
import type { ClinicScope } from '../../clinic-scope'
import { clinicService } from '../../clinic-scope'
import type { Tx } from '../../context'
import { AppError } from '../../errors'
import { sha256Hex } from '../../sha256'
import { insertClinicRow } from '../clinics/clinic-rows'
import { patientRecordReader } from '../patients/record'
import { requirePatient } from '../patients/store'
import { renderConsentPdf } from './consent-pdf'
import { defaultConsentBody, defaultConsentTitle } from './default-consent-text'

export function toConsentTextDto(row: Selectable<ConsentTextTable>) {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    body: row.body,
    contentHash: row.content_hash,
    createdAt: row.created_at,
  }
}

export function toConsentDto(
  row: Selectable<ConsentTable> & { version: number; title: string },
  currentVersion: number,
) {
  return {
    id: row.id,
    consentTextId: row.consent_text_id,
    textVersion: row.version,
    textTitle: row.title,
    signerName: row.signer_name,
    signatureKind: row.signature_kind,
    researchUse: row.research_use,
    witnessName: row.witness_name,
    contentHash: row.content_hash,
    signedAt: row.signed_at,
    withdrawnAt: row.withdrawn_at,
    withdrawalReason: row.withdrawal_reason,
    isCurrent: row.withdrawn_at === null && row.version === currentVersion,
  }
}

async function latestText(tx: Tx, clinicId: string) {
  return tx
    .selectFrom('consent_text')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** The clinic's current consent text, creating version 1 from KetaCare's default on first use. */
export async function ensureCurrentText(scope: ClinicScope): Promise<Selectable<ConsentTextTable>> {
  const existing = await latestText(scope.tx, scope.clinicId)
  if (existing) return existing
  return insertText(scope, defaultConsentTitle, defaultConsentBody, 1)
}

async function insertText(scope: ClinicScope, title: string, body: string, version: number) {
  const id = await insertClinicRow(scope, 'consent_text', {
    version,
    title,
    body,
    content_hash: sha256Hex(canonicalize({ title, body })),
    created_by: scope.principal.userId,
    created_at: scope.now,
  })
  await scope.audit({
    action: 'consent-text.publish',
    entity: 'consent_text',
    entityId: id,
    detail: { version },
  })
  return scope.tx.selectFrom('consent_text').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

export function listConsentsOf(tx: Tx, clinicId: string, patientId: string) {
  return tx
    .selectFrom('consent as c')
    .innerJoin('consent_text as t', 't.id', 'c.consent_text_id')
    .selectAll('c')
    .select(['t.version', 't.title'])
    .where('c.clinic_id', '=', clinicId)
    .where('c.patient_id', '=', patientId)
    .orderBy('c.signed_at', 'desc')
    .execute()
}

/** Consents of a patient with whether each is current (not withdrawn, on the latest text version). */
export async function loadConsents(tx: Tx, clinicId: string, patientId: string) {
  const [rows, text] = await Promise.all([listConsentsOf(tx, clinicId, patientId), latestText(tx, clinicId)])
  return rows.map((r) => toConsentDto(r, text?.version ?? 0))
}

export const getCurrentText = clinicService(
  { permission: 'clinical:read', action: 'consent-text.read', entity: 'consent_text' },
  async (scope) => toConsentTextDto(await ensureCurrentText(scope)),
)

export const publishText = clinicService(
  { permission: 'settings:manage', action: 'consent-text.publish', entity: 'consent_text' },
  async (scope, input: { title: string; body: string }) => {
    const current = await latestText(scope.tx, scope.clinicId)
    return toConsentTextDto(await insertText(scope, input.title, input.body, (current?.version ?? 0) + 1))
  },
)

export const listConsents = patientRecordReader({ action: 'consents.list', entity: 'consent' }, loadConsents)

export interface SignConsentInput {
  consentTextId: string
  signerName: string
  signatureKind: 'drawn' | 'typed'
  signatureData: string
  researchUse: boolean
}

/** The patient signs on the tablet; the signed-in clinician is the witness. */
export const signConsent = clinicService(
  { permission: 'clinical:write', action: 'consents.sign', entity: 'consent' },
  async (scope, patientId: string, input: SignConsentInput) => {
    await requirePatient(scope.tx, scope.clinicId, patientId)
    const text = await ensureCurrentText(scope)
    if (text.id !== input.consentTextId) {
      throw new AppError(
        'conflict',
        `The clinic has published consent version ${text.version} since this form was opened. Reload and have the patient read the current text.`,
        { fieldErrors: [{ field: 'consentTextId', message: 'is not the current consent text' }] },
      )
    }
    if (
      input.signatureKind === 'typed' &&
      input.signatureData.trim().toLowerCase() !== input.signerName.trim().toLowerCase()
    ) {
      throw new AppError('validation-failed', 'A typed signature must be the signer’s full name.', {
        fieldErrors: [{ field: 'signatureData', message: 'type the same full name as the signer' }],
      })
    }
    const contentHash = sha256Hex(
      canonicalize({
        textHash: text.content_hash,
        patientId,
        signerName: input.signerName,
        signature: input.signatureData,
        researchUse: input.researchUse,
        signedAt: scope.now.toISOString(),
        witness: scope.principal.userId,
      }),
    )
    const id = await insertClinicRow(scope, 'consent', {
      patient_id: patientId,
      consent_text_id: text.id,
      signer_name: input.signerName.trim(),
      signature_kind: input.signatureKind,
      signature_data: input.signatureData,
      research_use: input.researchUse,
      witness_user_id: scope.principal.userId,
      witness_name: scope.principal.displayName,
      content_hash: contentHash,
      signed_at: scope.now,
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawal_reason: null,
    })
    await scope.audit({
      action: 'consents.sign',
      entity: 'consent',
      entityId: id,
      detail: { patientId, textVersion: text.version, contentHash },
    })
    return (await loadConsents(scope.tx, scope.clinicId, patientId)).find((c) => c.id === id)!
  },
)

export const withdrawConsent = clinicService(
  { permission: 'clinical:write', action: 'consents.withdraw', entity: 'consent' },
  async (scope, patientId: string, consentId: string, reason: string) => {
    const result = await scope.tx
      .updateTable('consent')
      .set({ withdrawn_at: scope.now, withdrawn_by: scope.principal.userId, withdrawal_reason: reason })
      .where('clinic_id', '=', scope.clinicId)
      .where('patient_id', '=', patientId)
      .where('id', '=', consentId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n)
      throw new AppError('not-found', 'No consent of this patient that could be withdrawn.')
    await scope.audit({
      action: 'consents.withdraw',
      entity: 'consent',
      entityId: consentId,
      detail: { patientId, reason },
    })
    return (await loadConsents(scope.tx, scope.clinicId, patientId)).find((c) => c.id === consentId)!
  },
)

/** One patient's consent with its text, the patient and the clinic: what the printed form shows. */
export function loadConsentForPrint(tx: Tx, clinicId: string, patientId: string, consentId: string) {
  return tx
    .selectFrom('consent as c')
    .innerJoin('consent_text as t', 't.id', 'c.consent_text_id')
    .innerJoin('patient as p', 'p.id', 'c.patient_id')
    .innerJoin('clinic as k', 'k.id', 'c.clinic_id')
    .selectAll('c')
    .select([
      't.version',
      't.title',
      't.body',
      'p.given_name',
      'p.family_name',
      'p.mrn',
      'p.date_of_birth',
      'k.name as clinic_name',
      'k.time_zone',
    ])
    .where('c.clinic_id', '=', clinicId)
    .where('c.patient_id', '=', patientId)
    .where('c.id', '=', consentId)
    .executeTakeFirst()
}

export const consentPdf = clinicService(
  { permission: 'clinical:read', action: 'consents.print', entity: 'consent' },
  async (scope, patientId: string, consentId: string) => {
    const row = await loadConsentForPrint(scope.tx, scope.clinicId, patientId, consentId)
    if (!row) throw new AppError('not-found', 'No such consent for this patient.')
    await scope.audit({
      action: 'consents.print',
      entity: 'consent',
      entityId: consentId,
      detail: { patientId },
    })
    return { filename: `consent-${row.mrn}-v${row.version}.pdf`, pdf: await renderConsentPdf(row) }
  },
)
