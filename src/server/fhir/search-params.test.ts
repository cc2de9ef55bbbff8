import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { parseDate, parseSearch } from './search-params'

const zone = 'America/New_York'

/** `parse` throws an AppError whose first field error names `field`. */
function expectRefusedNaming(parse: () => unknown, field: string) {
  try {
    parse()
    expect.unreachable()
  } catch (error) {
    expect((error as AppError).fieldErrors[0]!.field).toBe(field)
  }
}

describe('date search values cover the range their precision gives, in the clinic’s zone', () => {
  it('a day is the clinic’s day, 23 hours long on the spring-forward day', () => {
    const day = parseDate('date', '2026-03-08', zone)
    expect(day.start.toISOString()).toBe('2026-03-08T05:00:00.000Z')
    expect(day.end.toISOString()).toBe('2026-03-09T04:00:00.000Z')
  })

  it('a month and a year run to the next one (December into January)', () => {
    expect(parseDate('date', 'ge2026-12', zone)).toMatchObject({
      prefix: 'ge',
      start: new Date('2026-12-01T05:00:00Z'),
      end: new Date('2027-01-01T05:00:00Z'),
    })
    expect(parseDate('date', '2026', zone).end).toEqual(new Date('2027-01-01T05:00:00Z'))
  })

  it('a dateTime is an instant at its own precision', () => {
    const minute = parseDate('date', 'lt2026-11-27T09:30+01:00', zone)
    expect(minute).toMatchObject({ prefix: 'lt', start: new Date('2026-11-27T08:30:00Z') })
    expect(minute.end.getTime() - minute.start.getTime()).toBe(60_000)
    const milli = parseDate('date', '2026-11-27T08:30:00.250Z', zone)
    expect(milli.end.getTime() - milli.start.getTime()).toBe(1)
  })

  it.each(['2026-02-30', '2026-13', '26-01-01', '2026-01-01T10:00', 'ap2026-01-01', 'sa2026', 'yesterday'])(
    '%s is refused with the parameter named',
    (value) => {
      expect(() => parseDate('date', value, zone)).toThrow(AppError)
    },
  )
})

describe('parseSearch', () => {
  const parse = (query: Record<string, string | string[]>) =>
    parseSearch(query, ['_id', 'patient', 'subject', 'code', 'date'], ['Observation:patient'], zone)

  it('reads tokens, references, repeated dates and paging', () => {
    const request = parse({
      code: 'http://loinc.org|8867-4,44261-6',
      subject: 'Patient/abc',
      date: ['ge2026-01-01', 'lt2026-02-01'],
      _count: '20',
      _cursor: 'xyz',
      _include: 'Observation:patient',
    })
    expect(request.codes).toEqual([
      { system: 'http://loinc.org', code: '8867-4' },
      { system: undefined, code: '44261-6' },
    ])
    expect(request).toMatchObject({
      patients: ['abc'],
      count: 20,
      cursor: 'xyz',
      includes: ['Observation:patient'],
    })
    expect(request.date.map((d) => d.prefix)).toEqual(['ge', 'lt'])
  })

  it('defaults to 50 a page', () => {
    expect(parse({}).count).toBe(50)
  })

  it.each([
    [{ status: 'final' }, 'status'],
    [{ 'code:text': 'x' }, 'code:text'],
    [{ patient: 'a', subject: 'b' }, 'subject'],
    [{ patient: 'Encounter/1' }, 'patient'],
    [{ _id: ['a', 'b'] }, '_id'],
    [{ _id: '' }, '_id'],
    [{ _count: '1.5' }, '_count'],
  ])('%j is refused naming %s', (query, field) => {
    expectRefusedNaming(() => parse(query), field)
  })
})

describe('MedicationAdministration and Condition parameters', () => {
  const parse = (query: Record<string, string>) =>
    parseSearch(query, ['patient', 'context', 'effective-time', 'clinical-status'], [], zone)

  it('effective-time is the date, clinical-status the status, context Encounter ids', () => {
    const request = parse({
      'effective-time': 'ge2026-01-01',
      'clinical-status': 'active',
      context: 'Encounter/e1,e2',
    })
    expect(request.date).toMatchObject([{ prefix: 'ge', start: new Date('2026-01-01T05:00:00Z') }])
    expect(request.statuses).toEqual(['active'])
    expect(request.encounters).toEqual(['e1', 'e2'])
  })

  it.each([
    [{ context: 'Patient/p1' }, 'context'],
    [{ 'effective-time': 'sa2026' }, 'effective-time'],
    [{ date: '2026' }, 'date'],
  ])('%j is refused naming %s', (query, field) => {
    expectRefusedNaming(() => parse(query), field)
  })
})
