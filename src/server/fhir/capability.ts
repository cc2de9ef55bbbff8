import type { CapabilityStatement, CapabilityStatementRestResourceSearchParam } from '@medplum/fhirtypes'
import { sources } from './registry'
import type { SearchParamName } from './search-params'

// The CapabilityStatement is built from the same sources the routes serve, so it states exactly
// what is supported: read and search-type per type, each type's search parameters and includes.

const spec = 'http://hl7.org/fhir/SearchParameter'

/** Each parameter's type and its definition in the R4 specification (`<type>` for the resource's own). */
const paramTypes: Record<SearchParamName, { type: 'token' | 'date' | 'reference'; definition: string }> = {
  _id: { type: 'token', definition: `${spec}/Resource-id` },
  _lastUpdated: { type: 'date', definition: `${spec}/Resource-lastUpdated` },
  patient: { type: 'reference', definition: `${spec}/clinical-patient` },
  subject: { type: 'reference', definition: `${spec}/<type>-subject` },
  date: { type: 'date', definition: `${spec}/clinical-date` },
  code: { type: 'token', definition: `${spec}/clinical-code` },
  status: { type: 'token', definition: `${spec}/<type>-status` },
  category: { type: 'token', definition: `${spec}/<type>-category` },
  identifier: { type: 'token', definition: `${spec}/<type>-identifier` },
}

const resultParams: CapabilityStatementRestResourceSearchParam[] = [
  { name: '_count', type: 'number', documentation: 'Page size, 1 to 1000 (default 50).' },
  {
    name: '_cursor',
    type: 'string',
    documentation: 'Opaque keyset position; use the Bundle’s `next` link rather than setting it.',
  },
]

/** The server's CapabilityStatement; `baseUrl` is this server's /fhir/R4. */
export function capabilityStatement(baseUrl: string, publishedAt: Date): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: publishedAt.toISOString(),
    kind: 'instance',
    software: { name: 'KetaCare' },
    implementation: { description: 'KetaCare FHIR R4 API (read and search)', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: {
          description:
            'A staff sign-in (the kc_session cookie of /api/v1/auth/login, two-step verification done). ' +
            'A member of several clinics names one in the X-KetaCare-Clinic header. Every read is audited.',
        },
        resource: sources.map((source) => ({
          type: source.type,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          versioning: 'versioned',
          readHistory: false,
          ...(source.includes.length > 0 ? { searchInclude: [...source.includes] } : {}),
          searchParam: [
            ...source.params.map((name) => {
              const own = source.paramDefinitions?.[name]
              const definition =
                own === undefined
                  ? paramTypes[name].definition.replace('<type>', source.type)
                  : own && `${spec}/${own}`
              return {
                name,
                type: paramTypes[name].type,
                ...(definition ? { definition } : {}),
                ...(source.paramDocs?.[name] ? { documentation: source.paramDocs[name] } : {}),
              }
            }),
            ...resultParams,
          ],
        })),
      },
    ],
  }
}
