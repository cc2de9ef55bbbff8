import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { type InfusionMark, summarizeInfusion } from './infusion-record'

const min = 60_000
const t0 = Date.parse('2026-11-27T09:00:00Z')
const at = (m: number) => t0 + m * min

describe('summarizeInfusion', () => {
  // 35 mg over 40 min = 0.875 mg/min (0.5 mg/kg, 70 kg; clinical-reference §2)
  const rate = 0.875
  const planned = 35
  /** The record of these marks at `nowMin` minutes after t0. */
  const summarizeAt = (marks: InfusionMark[], nowMin: number) =>
    summarizeInfusion(marks, rate, planned, at(nowMin))

  it('computes the dose given so far while running, and when it will end', () => {
    const s = summarizeAt([{ action: 'start', atMs: at(0) }], 10)
    expect(s).toMatchObject({
      status: 'running',
      doseGivenMg: 8.75,
      remainingMg: 26.25,
      expectedEndMs: at(40),
    })
  })

  it('completes on its own when the planned dose is in', () => {
    const s = summarizeAt([{ action: 'start', atMs: at(0) }], 55)
    expect(s).toMatchObject({ status: 'completed', doseGivenMg: 35, endedAtMs: at(40), runningMin: 40 })
  })

  it('excludes paused time and shifts the end', () => {
    const marks: InfusionMark[] = [
      { action: 'start', atMs: at(0) },
      { action: 'pause', atMs: at(20) },
      { action: 'resume', atMs: at(30) },
    ]
    const running = summarizeAt(marks, 35)
    expect(running).toMatchObject({ status: 'running', doseGivenMg: 21.875, expectedEndMs: at(50) })
    expect(summarizeAt(marks, 60)).toMatchObject({
      status: 'completed',
      endedAtMs: at(50),
      doseGivenMg: 35,
    })
  })

  it('records an early stop with the partial dose actually given', () => {
    const s = summarizeAt(
      [
        { action: 'start', atMs: at(0) },
        { action: 'pause', atMs: at(12) },
        { action: 'stop', atMs: at(15) },
      ],
      60,
    )
    expect(s).toMatchObject({ status: 'stopped', doseGivenMg: 10.5, endedAtMs: at(15) })
  })

  it('refuses impossible sequences, naming the mark', () => {
    expect(() => summarizeAt([{ action: 'pause', atMs: at(0) }], 1)).toThrow(/marks\[0\]\.action/)
    expect(() =>
      summarizeAt(
        [
          { action: 'start', atMs: at(5) },
          { action: 'stop', atMs: at(1) },
        ],
        9,
      ),
    ).toThrow(DomainValidationError)
    expect(() =>
      summarizeAt(
        [
          { action: 'start', atMs: at(0) },
          { action: 'resume', atMs: at(1) },
        ],
        9,
      ),
    ).toThrow(/not possible while the infusion is running/)
  })

  it('never reports more than the planned dose, and more running time never gives less (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 200 }),
        (gaps, extra) => {
          const marks: InfusionMark[] = []
          let t = 0
          gaps.forEach((g, i) => {
            t += g
            marks.push({ action: i === 0 ? 'start' : i % 2 === 1 ? 'pause' : 'resume', atMs: at(t) })
          })
          try {
            const a = summarizeAt(marks, t + 1)
            const b = summarizeAt(marks, t + 1 + extra)
            expect(a.doseGivenMg).toBeLessThanOrEqual(planned)
            expect(b.doseGivenMg).toBeGreaterThanOrEqual(a.doseGivenMg)
          } catch (error) {
            // A pause after completion is refused; that is the only way this sequence can fail.
            expect(error).toBeInstanceOf(DomainValidationError)
          }
        },
      ),
    )
  })
})
