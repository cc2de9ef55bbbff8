import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Resource } from '@medplum/fhirtypes'
import { describe, expect, it } from 'vitest'
import { bufferIo, withSeededCli } from '../../../test/support/cli'
import { r4Errors } from '../../../test/support/fhir'
import { runCli } from '../run-cli'

const linesOf = (file: string) =>
  readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Resource)

describe('ketacare fhir export', () => {
  it('writes one valid NDJSON file per type for the chosen clinic, honouring --type and --since', async () => {
    await withSeededCli(async ({ env, dir: out }) => {
      const missing = bufferIo(env)
      expect(await runCli(['fhir', 'export', '--out', join(out, 'x')], missing.io)).toBe(2)
      expect(missing.text()).toMatch(/--clinic is required; clinics: .*Hillcrest/)
      const badType = bufferIo(env)
      expect(await runCli(['fhir', 'export', '--out', out, '--type', 'Banana'], badType.io)).toBe(2)
      expect(badType.text()).toMatch(/--type: "Banana" is not a resource type served here/)

      const all = bufferIo(env)
      expect(
        await runCli(
          ['fhir', 'export', '--clinic', 'riverside ketamine clinic', '--out', join(out, 'all')],
          all.io,
        ),
      ).toBe(0)
      expect(all.text()).toMatch(/Exported \d+ resources of Riverside/)
      const files = readdirSync(join(out, 'all')).sort()
      expect(files).toEqual(
        expect.arrayContaining(['Encounter.ndjson', 'Observation.ndjson', 'Patient.ndjson']),
      )
      const patients = linesOf(join(out, 'all', 'Patient.ndjson'))
      expect(patients.length).toBeGreaterThan(5)
      const riverside = new Set(patients.map((p) => p.id))
      for (const file of files) {
        for (const resource of linesOf(join(out, 'all', file))) {
          expect(`${resource.resourceType}.ndjson`).toBe(file)
          expect(r4Errors(resource)).toEqual([])
          const subject =
            'subject' in resource ? (resource.subject as { reference: string }).reference : undefined
          if (subject) expect(riverside.has(subject.replace('Patient/', ''))).toBe(true)
        }
      }

      const future = bufferIo(env)
      const args = [
        'fhir',
        'export',
        '--clinic',
        'Riverside Ketamine Clinic',
        '--type',
        'Patient,Observation',
        '--since',
      ]
      expect(await runCli([...args, '2999-01-01', '--out', join(out, 'none')], future.io)).toBe(0)
      expect(readdirSync(join(out, 'none')).sort()).toEqual(['Observation.ndjson', 'Patient.ndjson'])
      expect(linesOf(join(out, 'none', 'Patient.ndjson'))).toEqual([])
      expect(
        await runCli([...args, '2000-01-01T00:00:00Z', '--out', join(out, 'old')], bufferIo(env).io),
      ).toBe(0)
      expect(linesOf(join(out, 'old', 'Patient.ndjson'))).toHaveLength(patients.length)
    })
  }, 180_000) // the whole demo seeded, then every type exported and validated line by line
})
