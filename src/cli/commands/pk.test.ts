import { describe, expect, it } from 'vitest'
import { runCommand } from '../../../test/support/cli'

const run = runCommand

const standard = [
  'pk',
  '--model',
  'domino',
  '--weight-kg',
  '70',
  '--dose-mg-per-kg',
  '0.5',
  '--infusion-min',
  '40',
]

describe('ketacare pk', () => {
  it('prints an aligned table every 5 min to 120 min by default', async () => {
    const { code, out } = await run(...standard)
    expect(code).toBe(0)
    const lines = out.split('\n')
    expect(lines[0]!.trim().split(/\s+/)).toEqual(['tMin', 'plasmaNgPerMl', 'effectNgPerMl', 'nmdaOccupancy'])
    const rows = lines.slice(1, 26)
    expect(rows.map((r) => Number(r.trim().split(/\s+/)[0]))).toEqual(
      Array.from({ length: 25 }, (_, i) => i * 5),
    )
    expect(new Set(rows.map((r) => r.length)).size).toBe(1)
    expect(out).toMatch(/illustrative/)
  })

  it('prints one JSON object with points, in the §5 anchor band at 40 min', async () => {
    const { code, out } = await run(...standard, '--until-min', '60', '--step-min', '10', '--json')
    expect(code).toBe(0)
    const parsed = JSON.parse(out)
    expect(parsed.points).toHaveLength(7)
    const end = parsed.points.find((p: { tMin: number }) => p.tMin === 40)
    expect(end.plasmaNgPerMl).toBeGreaterThan(170)
    expect(end.plasmaNgPerMl).toBeLessThan(250)
    expect(end.nmdaOccupancy).toBeGreaterThan(0)
    expect(end.nmdaOccupancy).toBeLessThan(1)
    expect(parsed.occupancy.isIllustrative).toBe(true)
  })

  it('adds reproducible p5/p50/p95 columns with --population and --seed', async () => {
    const args = [
      ...standard,
      '--model',
      'clements',
      '--until-min',
      '60',
      '--step-min',
      '20',
      '--population',
      '200',
      '--seed',
      '9',
      '--json',
    ]
    const a = JSON.parse((await run(...args)).out)
    const b = JSON.parse((await run(...args)).out)
    expect(a).toEqual(b)
    expect(a.model).toBe('clements')
    expect(a.population).toEqual({ subjectCount: 200, seed: 9, omega: 0.3 })
    for (const p of a.points) {
      expect(p.p5PlasmaNgPerMl).toBeLessThanOrEqual(p.p50PlasmaNgPerMl)
      expect(p.p50PlasmaNgPerMl).toBeLessThanOrEqual(p.p95PlasmaNgPerMl)
    }
    const table = await run(...args.slice(0, -1))
    expect(table.out.split('\n')[0]).toMatch(/p5PlasmaNgPerMl\s+p50PlasmaNgPerMl\s+p95PlasmaNgPerMl$/)
  })

  it('names the bad option and exits 2', async () => {
    for (const [args, option] of [
      [['--weight-kg', 'heavy'], '--weight-kg'],
      [['--step-min', '0'], '--step-min'],
      [['--model', 'marsh'], '--model'],
      [['--population', '2.5'], '--population'],
      [['--seed', 'abc', '--population', '10'], '--seed'],
    ] as const) {
      const { code, err } = await run(...standard, ...args)
      expect(code).toBe(2)
      expect(err).toContain(option)
    }
    // Issue 12: physiologically impossible input, negative numbers read as values and refused.
    const impossible: [string, string, RegExp][] = [
      ['--weight-kg', '-5', /--weight-kg must be from 20 to 350 kg, got "-5"/],
      ['--weight-kg', '400', /--weight-kg must be from 20 to 350 kg/],
      ['--dose-mg-per-kg', '-1', /--dose-mg-per-kg must be more than 0 and at most 3 mg\/kg/],
      ['--dose-mg-per-kg', '10', /--dose-mg-per-kg/],
      ['--infusion-min', '0.5', /--infusion-min must be from 1 to 240 min/],
      ['--infusion-min', '-40', /--infusion-min must be from 1 to 240 min/],
      ['--until-min', '100000', /--until-min must be from 1 to 2880 min/],
    ]
    for (const [option, value, message] of impossible) {
      const { code, err } = await run(...standard, option, value)
      expect(code, `${option} ${value}`).toBe(2)
      expect(err).toMatch(message)
    }
    const missing = await run('pk', '--model', 'domino')
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('--weight-kg')
  })
})
