import type { CapabilityStatement, CapabilityStatementRestResourceSearchParam } from '@medplum/fhirtypes'
import { sources } from './registry'
import type { SearchParamName } from './search-params'

// The CapabilityStatement is built from the same sources the routes serve, so it states exactly
// what is supported: read and search-type per type, each type's search parameters and includes,
// and the Bulk Data `$export` operations (export/routes.ts).

const spec = 'http://hl7.org/fhir/SearchParameter'
const bulkData = 'http://hl7.org/fhir/uv/bulkdata'

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
  'effective-time': { type: 'date', definition: `${spec}/<type>-effective-time` },
  context: { type: 'reference', definition: `${spec}/<type>-context` },
  'clinical-status': { type: 'token', definition: `${spec}/<type>-clinical-status` },
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
    implementation: { description: 'KetaCare FHIR R4 API (read, search and Bulk Data export)', url: baseUrl },
    instantiates: [`${bulkData}/CapabilityStatement/bulk-data`],
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: {
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                },
              ],
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [{ url: 'token', valueUri: `${baseUrl}/auth/token` }],
            },
          ],
          description:
            'SMART Backend Services: an access token from the token endpoint (client_credentials with a ' +
            'private_key_jwt assertion; see .well-known/smart-configuration) as Authorization: Bearer, bound ' +
            "to the client's clinic and its system/<Type>.rs scopes. Or a staff sign-in (the kc_session " +
            'cookie of /api/v1/auth/login, two-step verification done); a member of several clinics names ' +
            'one in the X-KetaCare-Clinic header. Every read is audited.',
        },
        operation: [
          { name: 'export', definition: `${bulkData}/OperationDefinition/export` },
          {
            name: 'group-export',
            definition: `${bulkData}/OperationDefinition/group-export`,
            documentation:
              'Group/<clinic id>/$export: the clinic is the one Group, its patients the members.',
          },
        ],
        resource: sources.map((source) => ({
          type: source.type,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          ...(source.type === 'Patient'
            ? {
                operation: [{ name: 'export', definition: `${bulkData}/OperationDefinition/patient-export` }],
              }
            : {}),
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
