import type {
  Coding,
  Patient,
  Practitioner,
  Provenance,
  ProvenanceAgent,
  Reference,
  Signature,
} from '@medplum/fhirtypes'
import { provenanceAgentType, signatureType, signedActSystem } from '../code-systems'
import { ref, versionedMeta } from './meta'

// Signed acts as Provenance: the prescriber's eligibility decision (about the Patient), a plan's
// approval (the CarePlan), a discharge (the Encounter) and the patient's consent signature (the
// Consent, witnessed by a clinician). A Provenance's id is its row's id and the act
// (`<row id>-approval`); it never changes once signed, so it is version 1 at the signing.

export const signedActs = {
  eligibility: { display: 'Eligibility decision', target: 'Patient' },
  approval: { display: 'Treatment plan approval', target: 'CarePlan' },
  discharge: { display: 'Discharge', target: 'Encounter' },
  consent: { display: 'Consent signature', target: 'Consent' },
} as const
export type SignedActKind = keyof typeof signedActs

/** A signer: a staff member (or, for a consent, the patient) by id, else by the name recorded. */
export interface Signer {
  type: 'Practitioner' | 'Patient'
  id: string | null
  name: string | null
}

/** One signed act, whatever table it was read from. */
export interface SignedAct {
  kind: SignedActKind
  rowId: string
  patientId: string
  /** The signed record's id (the patient's for an eligibility decision). */
  targetId: string
  signedAt: Date
  /** What was decided, e.g. the eligibility outcome. */
  detail?: string
  signer: Signer
  witness?: Signer
  /** The stored signature: a PNG data URL or the typed name (consents only). */
  signature?: { kind: 'drawn' | 'typed'; data: string }
}

const astm = (code: string, display: string): Coding => ({ system: signatureType, code, display })
const authorSignature = astm('1.2.840.10065.1.12.1.1', "Author's Signature")
const consentSignature = astm('1.2.840.10065.1.12.1.7', 'Consent Signature')
const witnessSignature = astm('1.2.840.10065.1.12.1.11', 'Consent Witness Signature')

function who({ type, id, name }: Signer): Reference<Patient | Practitioner> {
  if (id) return ref(type, id, name ?? undefined)
  return { display: name ?? 'not recorded' }
}

function agent(code: 'author' | 'verifier', signer: Signer): ProvenanceAgent {
  const display = code === 'author' ? 'Author' : 'Verifier'
  return { type: { coding: [{ system: provenanceAgentType, code, display }] }, who: who(signer) }
}

/** The stored signature's bytes: the drawn PNG, or the typed name as text. */
function signatureData(stored: NonNullable<SignedAct['signature']>): Pick<Signature, 'sigFormat' | 'data'> {
  const drawn = /^data:(image\/[a-z]+);base64,(.+)$/.exec(stored.data)
  if (stored.kind === 'drawn' && drawn) return { sigFormat: drawn[1]!, data: drawn[2]! }
  return { sigFormat: 'text/plain', data: Buffer.from(stored.data, 'utf8').toString('base64') }
}

export function toProvenance(act: SignedAct): Provenance {
  const { display, target } = signedActs[act.kind]
  const when = act.signedAt.toISOString()
  const signature: Signature[] = [
    {
      type: [act.kind === 'consent' ? consentSignature : authorSignature],
      when,
      who: who(act.signer),
      ...(act.signature ? signatureData(act.signature) : {}),
    },
  ]
  if (act.witness) signature.push({ type: [witnessSignature], when, who: who(act.witness) })
  return {
    resourceType: 'Provenance',
    id: `${act.rowId}-${act.kind}`,
    meta: versionedMeta(1, act.signedAt),
    target: [ref(target, act.targetId)],
    recorded: when,
    activity: {
      coding: [{ system: signedActSystem, code: act.kind, display }],
      text: act.detail ? `${display}: ${act.detail}` : display,
    },
    agent: [agent('author', act.signer), ...(act.witness ? [agent('verifier', act.witness)] : [])],
    signature,
  }
}
