import { readFileSync } from 'node:fs'
import { scopeWords } from '../../domain/access/smart-scopes'
import { AppError } from '../../server/errors'
import {
  type FhirClientReply,
  listFhirClientsAsOperator,
  registerFhirClientAsOperator,
  revokeFhirClientAsOperator,
} from '../../server/features/fhir-clients/service'
import { chooseClinic, clinicsByName } from '../clinic-option'
import type { CliCommand, CliIo } from '../command'
import { parseOptions, textOptions, UsageError } from '../command'
import { openRuntime, type Runtime } from '../runtime'

// `ketacare fhir client add|list|revoke`: the administrator's backend-client registry from the
// console, through the same service as the API (audited as `ketacare cli` in the clinic's chain).

function describeClient(c: FhirClientReply): string {
  const state = c.revokedAt ? `revoked ${c.revokedAt}` : 'active'
  return `${c.clientId}  ${c.name}  [${state}]\n  scopes: ${c.scopes.join(' ')}\n  keys: ${c.keys.map((k) => `${k.kid} (${k.alg ?? k.kty})`).join(', ')}\n`
}

/** Runs `work` for the clinic `--clinic` names; a refused input is a usage error naming its fields. */
async function inClinic(
  io: CliIo,
  clinic: string | undefined,
  work: (runtime: Runtime, clinicId: string) => Promise<void>,
): Promise<number> {
  const runtime = await openRuntime(io)
  try {
    const chosen = chooseClinic(await clinicsByName(runtime), clinic, undefined)
    await work(runtime, chosen.id)
    return 0
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    const fields = error.fieldErrors.map((f) => `\n  ${f.field}: ${f.message}`).join('')
    throw new UsageError(`${error.message}${fields}`)
  } finally {
    await runtime.close()
  }
}

function readJwks(path: string): { keys: Record<string, unknown>[] } {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(`--jwks: cannot read ${path}: ${(error as Error).message}`)
  }
  try {
    return JSON.parse(text) as { keys: Record<string, unknown>[] }
  } catch {
    throw new UsageError(`--jwks: ${path} is not JSON`)
  }
}

export const fhirClientAddCommand: CliCommand = {
  name: 'fhir client add',
  summary:
    'register a SMART backend client of the FHIR API (public JWKS, system scopes); prints its client_id',
  help: `Usage: ketacare fhir client add --clinic "Clinic name or id" --name NAME --jwks FILE --scopes "system/Patient.rs system/Observation.rs"

FILE holds the client's public JSON Web Key Set ({"keys": [...]}): RSA (RS384) or EC P-384 (ES384)
keys, each with a kid, no private parts. Scopes are system/<Type>.rs, system/*.rs or the v1
system/<Type>.read. The client then gets tokens from /fhir/R4/auth/token (README: FHIR API).`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, textOptions('clinic', 'name', 'jwks', 'scopes'))
    if (!values.name?.trim()) throw new UsageError('--name is required')
    if (!values.jwks) throw new UsageError('--jwks FILE is required (the public key set)')
    const scopes = scopeWords(values.scopes ?? '')
    if (scopes.length === 0) throw new UsageError('--scopes is required, e.g. "system/*.rs"')
    const jwks = readJwks(values.jwks)
    return inClinic(io, values.clinic, async (runtime, clinicId) => {
      const client = await registerFhirClientAsOperator(runtime.ctx, clinicId, {
        name: values.name!.trim(),
        scopes,
        jwks,
      })
      io.out(`Registered. client_id: ${client.clientId}\n${describeClient(client)}`)
    })
  },
}

export const fhirClientListCommand: CliCommand = {
  name: 'fhir client list',
  summary: "list a clinic's SMART backend clients, revoked ones too",
  help: 'Usage: ketacare fhir client list --clinic "Clinic name or id" [--json]',
  run: async (argv, io) => {
    const { values } = parseOptions(argv, {
      clinic: { type: 'string' },
      json: { type: 'boolean', default: false },
    })
    return inClinic(io, values.clinic, async (runtime, clinicId) => {
      const { items } = await listFhirClientsAsOperator(runtime.ctx, clinicId)
      if (values.json) io.out(`${JSON.stringify(items, null, 2)}\n`)
      else io.out(items.length === 0 ? 'No backend clients.\n' : items.map(describeClient).join(''))
    })
  },
}

export const fhirClientRevokeCommand: CliCommand = {
  name: 'fhir client revoke',
  summary: 'revoke a SMART backend client: its tokens stop working at once',
  help: 'Usage: ketacare fhir client revoke --clinic "Clinic name or id" CLIENT_ID',
  run: async (argv, io) => {
    const { values, positionals } = parseOptions(argv, { clinic: { type: 'string' } })
    const [clientId, ...rest] = positionals
    if (!clientId || rest.length > 0) throw new UsageError('name one CLIENT_ID to revoke')
    if (!/^[0-9a-f-]{36}$/i.test(clientId)) throw new UsageError(`${clientId} is not a client_id`)
    return inClinic(io, values.clinic, async (runtime, clinicId) => {
      const client = await revokeFhirClientAsOperator(runtime.ctx, clinicId, clientId)
      io.out(`Revoked ${client.clientId} (${client.name}) at ${client.revokedAt}.\n`)
    })
  },
}
