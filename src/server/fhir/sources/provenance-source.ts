import type { Provenance } from '@medplum/fhirtypes'
import { sql } from 'kysely'
import { type SignedAct, type SignedActKind, signedActs, toProvenance } from '../resources/provenance'
import type { SearchRequest } from '../search-params'
import { allOf, type Condition, isUuid, uuidIn } from '../sql-filters'
import { mergePage, rowConditions, rowIdOf, rowsPerPart, suffixOf } from './row-parts'
import type { ResourceSource, SourceScope } from './source'

// Provenance for the signed acts, merged in id order from four tables (row-parts.ts). Each part
// reads the rows whose act was signed, with `where` (the search's conditions on its columns).

type Load = (scope: SourceScope, where: Condition, limit: number) => Promise<SignedAct[]>

interface Part {
  /** The column holding when it was signed: `date`-like and `_lastUpdated`. */
  signedAt: string
  load: Load
}

const eligibility: Load = async ({ tx, clinicId }, where, limit) =>
  (
    await tx
      .selectFrom('eligibility_decision')
      .select(['id', 'patient_id', 'decision', 'signed_by', 'signer_name', 'signed_at'])
      .where('clinic_id', '=', clinicId)
      .where(where)
      .orderBy('id')
      .limit(limit)
      .execute()
  ).map((r) => ({
    kind: 'eligibility',
    rowId: r.id,
    patientId: r.patient_id,
    targetId: r.patient_id,
    signedAt: r.signed_at,
    detail: r.decision,
    signer: { type: 'Practitioner', id: r.signed_by, name: r.signer_name },
  }))

const approval: Load = async ({ tx, clinicId }, where, limit) =>
  (
    await tx
      .selectFrom('treatment_plan')
      .select(['id', 'patient_id', 'approved_by', 'approver_name', 'approved_at'])
      .where('clinic_id', '=', clinicId)
      .where('approved_at', 'is not', null)
      .where(where)
      .orderBy('id')
      .limit(limit)
      .execute()
  ).map((r) => ({
    kind: 'approval',
    rowId: r.id,
    patientId: r.patient_id,
    targetId: r.id,
    signedAt: r.approved_at!,
    signer: { type: 'Practitioner', id: r.approved_by, name: r.approver_name },
  }))

const discharge: Load = async ({ tx, clinicId }, where, limit) =>
  (
    await tx
      .selectFrom('treatment_session')
      .select(['id', 'patient_id', 'discharge_signed_by', 'discharge_signer_name', 'discharged_at'])
      .where('clinic_id', '=', clinicId)
      .where('discharged_at', 'is not', null)
      .where(where)
      .orderBy('id')
      .limit(limit)
      .execute()
  ).map((r) => ({
    kind: 'discharge',
    rowId: r.id,
    patientId: r.patient_id,
    targetId: r.id,
    signedAt: r.discharged_at!,
    signer: { type: 'Practitioner', id: r.discharge_signed_by, name: r.discharge_signer_name },
  }))

const consent: Load = async ({ tx, clinicId }, where, limit) =>
  (
    await tx
      .selectFrom('consent')
      .select([
        'id',
        'patient_id',
        'signer_name',
        'signature_kind',
        'signature_data',
        'witness_user_id',
        'witness_name',
        'signed_at',
      ])
      .where('clinic_id', '=', clinicId)
      .where(where)
      .orderBy('id')
      .limit(limit)
      .execute()
  ).map((r) => ({
    kind: 'consent',
    rowId: r.id,
    patientId: r.patient_id,
    targetId: r.id,
    signedAt: r.signed_at,
    signer: { type: 'Patient', id: r.patient_id, name: r.signer_name },
    witness: { type: 'Practitioner', id: r.witness_user_id, name: r.witness_name },
    signature: { kind: r.signature_kind, data: r.signature_data },
  }))

const parts: Record<SignedActKind, Part> = {
  eligibility: { signedAt: 'signed_at', load: eligibility },
  approval: { signedAt: 'approved_at', load: approval },
  discharge: { signedAt: 'discharged_at', load: discharge },
  consent: { signedAt: 'signed_at', load: consent },
}

const kinds = Object.keys(signedActs) as SignedActKind[]

async function search(scope: SourceScope, request: SearchRequest): Promise<Provenance[]> {
  if (request.cursor !== undefined && !isUuid(rowIdOf(request.cursor))) return []
  const rows = rowsPerPart(request)
  const acts: SignedAct[] = []
  // One after another: the queries share the transaction's one connection.
  for (const kind of kinds) {
    const { signedAt, load } = parts[kind]
    const where = rowConditions(request, {
      id: sql.ref('id'),
      lastUpdated: sql.ref(signedAt),
      patient: sql.ref('patient_id'),
    })
    acts.push(...(await load(scope, allOf(where), rows)))
  }
  return mergePage(request, acts.map(toProvenance))
}

async function read(scope: SourceScope, id: string): Promise<Provenance | undefined> {
  const kind = suffixOf(id)
  if (kind === undefined || !Object.hasOwn(parts, kind)) return undefined
  const [act] = await parts[kind as SignedActKind].load(scope, uuidIn(sql.ref('id'), [rowIdOf(id)]), 1)
  return act && toProvenance(act)
}

/** Signatures of eligibility decisions, plan approvals, discharges and consents as Provenance. */
export const provenanceSource: ResourceSource = {
  type: 'Provenance',
  permission: 'clinical:read',
  params: ['_id', '_lastUpdated', 'patient'],
  includes: [],
  paramDocs: {
    patient: 'The patient the signed record is about.',
    _lastUpdated: 'When it was signed (a signature never changes).',
  },
  read,
  search,
}
