import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bufferIo, withSeededCli } from '../../../test/support/cli'
import { runCli } from '../run-cli'

describe('ketacare export --deidentified', () => {
  it('writes CSV files and NDJSON lines of the consenting patients', async () => {
    await withSeededCli(async ({ env, dir: out }) => {
      const refused = bufferIo(env)
      expect(await runCli(['export'], refused.io)).toBe(2)
      expect(refused.text()).toMatch(/--deidentified/)

      const csv = bufferIo(env)
      expect(
        await runCli(['export', '--deidentified', '--format', 'csv', '--out', join(out, 'csv')], csv.io),
      ).toBe(0)
      expect(csv.text()).toMatch(/Exported \d+ patients/)
      const patients = readFileSync(join(out, 'csv', 'patients.csv'), 'utf8')
        .trim()
        .split('\n')
      expect(patients[0]).toBe('researchId,sex,ageAtStart,protocol')
      expect(patients.length).toBeGreaterThan(1)
      expect(readFileSync(join(out, 'csv', 'sessions.csv'), 'utf8')).toMatch(
        /^researchId,sessionRef,sessionNumber/,
      )

      expect(
        await runCli(['export', '--deidentified', '--out', join(out, 'all.ndjson')], bufferIo(env).io),
      ).toBe(0)
      const lines = readFileSync(join(out, 'all.ndjson'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      expect(new Set(lines.map((l) => l.type))).toEqual(new Set(['patient', 'session', 'score', 'event']))
      expect(lines.every((l) => !('mrn' in l) && !('givenName' in l))).toBe(true)
    })
  })
})
