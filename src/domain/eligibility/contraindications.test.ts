import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { CAUTION_QUESTIONS, CONTRAINDICATION_QUESTIONS, screenContraindications } from './contraindications'

const allNo = Object.fromEntries(CONTRAINDICATION_QUESTIONS.map((q) => [q.id, false]))

describe('contraindication screen (§2)', () => {
  it('classes the four label contraindications as absolute and the rest as relative', () => {
    const absolute = CONTRAINDICATION_QUESTIONS.filter((q) => q.severity === 'absolute').map((q) => q.id)
    expect(absolute).toEqual([
      'aneurysmal-vascular-disease',
      'arteriovenous-malformation',
      'intracerebral-haemorrhage',
      'ketamine-hypersensitivity',
    ])
    const unverified = CONTRAINDICATION_QUESTIONS.filter((q) => q.isUnverified)
    expect(unverified.map((q) => q.id)).toEqual([
      'raised-intracranial-pressure',
      'raised-intraocular-pressure',
    ])
    expect(unverified.every((q) => q.severity === 'relative')).toBe(true)
  })

  it('all no: no findings', () => {
    expect(screenContraindications(allNo)).toEqual({
      findings: [],
      hasAbsolute: false,
      hasRelative: false,
      cautions: [],
    })
  })

  it('a label contraindication is an absolute finding', () => {
    const result = screenContraindications({ ...allNo, 'arteriovenous-malformation': true })
    expect(result.hasAbsolute).toBe(true)
    expect(result.findings[0]).toMatchObject({ id: 'arteriovenous-malformation', severity: 'absolute' })
    expect(result.findings[0]?.explanation).toMatch(/prescriber signature/)
  })

  it('trial exclusions and unverified items are relative warnings', () => {
    const result = screenContraindications({
      ...allNo,
      'pregnancy-breastfeeding': true,
      'raised-intraocular-pressure': true,
    })
    expect(result.hasAbsolute).toBe(false)
    expect(result.hasRelative).toBe(true)
    expect(result.findings.map((f) => [f.id, f.isUnverified])).toEqual([
      ['pregnancy-breastfeeding', false],
      ['raised-intraocular-pressure', true],
    ])
  })

  it('an unanswered or unknown question is invalid input naming it', () => {
    const { 'current-mania': _omitted, ...rest } = allNo
    expect(() => screenContraindications(rest)).toThrow(DomainValidationError)
    expect(() => screenContraindications({ ...allNo, 'current-mania': null })).toThrow(
      /answers.current-mania/,
    )
    expect(() => screenContraindications({ ...allNo, glaucoma: true })).toThrow(/answers.glaucoma/)
  })

  it('asks the §3 pre-dose cautions (label 5.6, 7.1–7.3) as label warnings, not contraindications', () => {
    expect(CAUTION_QUESTIONS.map((q) => [q.id, q.severity, q.source])).toEqual([
      ['hypertensive-encephalopathy-history', 'caution', 'label-warning'],
      ['current-psychostimulants', 'caution', 'label-warning'],
      ['current-maoi', 'caution', 'label-warning'],
      ['cns-depressants', 'caution', 'label-warning'],
    ])
    expect(CAUTION_QUESTIONS.find((q) => q.id === 'cns-depressants')?.question).toMatch(
      /benzodiazepines, opioids or alcohol/,
    )
  })

  it('§3 cautions answered yes are listed for acknowledgement and never make the screen absolute', () => {
    const result = screenContraindications({ ...allNo, 'current-maoi': true, 'cns-depressants': true })
    expect(result.hasAbsolute).toBe(false)
    expect(result.hasRelative).toBe(false)
    expect(result.cautions.map((c) => c.id)).toEqual(['current-maoi', 'cns-depressants'])
    expect(result.cautions[0]?.explanation).toMatch(/blood pressure/)
    expect(result.cautions[1]?.explanation).toMatch(/sedation/)
    expect(result.cautions[1]?.explanation).toMatch(/prescriber acknowledges/)
  })
})
