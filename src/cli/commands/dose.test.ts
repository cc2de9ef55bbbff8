import { describe, expect, it } from 'vitest'
import { runCommand } from '../../../test/support/cli'

const run = runCommand

describe('ketacare dose', () => {
  it('lists the protocols', async () => {
    const { code, out } = await run('dose', '--list')
    expect(code).toBe(0)
    expect(out).toContain('iv-racemic-standard')
    expect(out).toContain('esketamine-suicidal-ideation')
    const json = JSON.parse((await run('dose', '--list', '--json')).out)
    expect(json.map((p: { id: string }) => p.id)).toEqual([
      'iv-racemic-standard',
      'esketamine-trd',
      'esketamine-suicidal-ideation',
    ])
  })

  it('calculates the standard IV dose with volume and pump rate', async () => {
    const { code, out } = await run(
      'dose',
      '--protocol',
      'iv-racemic-standard',
      '--weight-kg',
      '80',
      '--vial-mg-per-ml',
      '10',
    )
    expect(code).toBe(0)
    expect(out).toMatch(/Dose:\s+40 mg \(0\.5 mg\/kg of dosing weight = 0\.5 mg\/kg of actual weight\)/)
    expect(out).toMatch(/Ceiling:\s+80 mg = 1 mg\/kg of actual weight/)
    expect(out).toMatch(/Pump rate:\s+6 mL\/h/)
    expect(out).toMatch(/Volume:\s+4 mL/)
    expect(out).toMatch(/Warnings:\s+none/)
  })

  it('doses on adjusted weight as JSON', async () => {
    const { out } = await run(
      'dose',
      '--protocol',
      'iv-racemic-standard',
      '--weight-kg',
      '123',
      '--height-cm',
      '177.8',
      '--sex',
      'M',
      '--basis',
      'adjusted',
      '--json',
    )
    const parsed = JSON.parse(out)
    expect(parsed.basis).toBe('adjusted')
    expect(parsed.doseMg).toBeCloseTo(46.5, 6)
    expect(parsed.warnings).toEqual([])
  })
})

describe('ketacare dose: the §2 limits', () => {
  it('§2: an underweight tall patient on ideal weight is dosed on actual weight; ceiling on actual', async () => {
    const args = ['dose', '--protocol', 'iv-racemic-standard', '--weight-kg', '45', '--height-cm', '185']
    const { code, out } = await run(...args, '--sex', 'M', '--basis', 'ideal')
    expect(code).toBe(0)
    expect(out).toMatch(/Dosing weight:\s+45 kg \(ideal; actual 45 kg; ideal 79\.5 kg capped at actual, §2\)/)
    expect(out).toMatch(/Dose:\s+22\.5 mg \(0\.5 mg\/kg of dosing weight = 0\.5 mg\/kg of actual weight\)/)
    expect(out).toMatch(/Ceiling:\s+45 mg = 1 mg\/kg of actual weight/)
    expect(out).toMatch(/Above ceiling:\s+no/)
    const json = JSON.parse((await run(...args, '--sex', 'M', '--basis', 'ideal', '--json')).out)
    expect(json).toMatchObject({
      dosingWeightKg: 45,
      ceilingMg: 45,
      isAboveCeiling: false,
      isCappedAtActual: true,
    })
  })

  it('§2: reports isAboveCeiling honestly for a dose above 1.0 mg/kg of actual weight', async () => {
    const args = ['dose', '--protocol', 'iv-racemic-standard', '--weight-kg', '70', '--dose-mg-per-kg', '1.2']
    const { code, out } = await run(...args)
    expect(code).toBe(0)
    expect(out).toMatch(/Above ceiling:\s+YES/)
    expect(out).toMatch(/\[override\]/)
    const json = JSON.parse((await run(...args, '--json')).out)
    expect(json).toMatchObject({
      doseMg: 84,
      ceilingMg: 70,
      isAboveCeiling: true,
      limitsExceeded: ['titration-ceiling'],
    })
    expect(json.doseMgPerKgOfActual).toBeCloseTo(1.2, 10)
  })
})

describe('ketacare dose: bad input and the esketamine schedule', () => {
  it('issue 12: refuses impossible input naming the option, negative numbers included', async () => {
    const iv = ['--protocol', 'iv-racemic-standard']
    const cases: [string[], RegExp][] = [
      [[...iv, '--weight-kg', '-5'], /--weight-kg must be from 20 to 350 kg, got "-5"/],
      [[...iv, '--weight-kg', '19'], /--weight-kg must be from 20 to 350 kg/],
      [[...iv, '--weight-kg', '351'], /--weight-kg must be from 20 to 350 kg/],
      [
        [...iv, '--weight-kg', '70', '--dose-mg-per-kg', '-0.5'],
        /--dose-mg-per-kg must be more than 0 and at most 3 mg\/kg/,
      ],
      [[...iv, '--weight-kg', '70', '--dose-mg-per-kg', '0'], /--dose-mg-per-kg/],
      [
        [...iv, '--weight-kg', '70', '--dose-mg-per-kg', '50'],
        /--dose-mg-per-kg must be more than 0 and at most 3/,
      ],
      [[...iv, '--weight-kg', '70', '--height-cm', '-170'], /--height-cm must be from 100 to 250 cm/],
      [[...iv, '--weight-kg', '70', '--vial-mg-per-ml', '-.5'], /--vial-mg-per-ml must be from 0\.1 to 100/],
    ]
    for (const [args, message] of cases) {
      const { code, err, out } = await run('dose', ...args)
      expect(code, args.join(' ')).toBe(2)
      expect(err).toMatch(message)
      expect(err).not.toMatch(/ambiguous|Unknown option/)
      expect(out).toBe('')
    }
  })

  it('shows the esketamine schedule with devices, and the ≥ 65 start of 28 mg then 28/56/84 (§3)', async () => {
    const { code, out } = await run('dose', '--protocol', 'esketamine-trd', '--age-years', '70')
    expect(code).toBe(0)
    expect(out).toMatch(/First dose: 28 mg = 1 device\(s\) \(age ≥ 65 start, §3\)/)
    expect(out).not.toMatch(/unverified/)
    expect(out).toMatch(/induction\s+weeks 1–4\s+twice-weekly/)
    const json = JSON.parse((await run('dose', '--protocol', 'esketamine-suicidal-ideation', '--json')).out)
    expect(json.firstDose).toMatchObject({ doseMg: 84, deviceCount: 3, deviceOffsetsMin: [0, 5, 10] })
  })

  it('names the bad option and exits 2', async () => {
    const cases: [string[], string][] = [
      [['--protocol', 'iv-racemic-standard', '--weight-kg', 'abc'], '--weight-kg'],
      [['--protocol', 'iv-racemic-standard', '--weight-kg', '-3'], '--weight-kg'],
      [['--protocol', 'iv-racemic-standard', '--weight-kg', '80', '--basis', 'ideal'], '--height-cm'],
      [['--protocol', 'iv-racemic-standard', '--weight-kg', '80', '--basis', 'lean'], '--basis'],
      [
        ['--protocol', 'iv-racemic-standard', '--weight-kg', '80', '--vial-mg-per-ml', '0'],
        '--vial-mg-per-ml',
      ],
      [['--protocol', 'iv-racemic-standard', '--weight-kg', '80', '--sex', 'X'], '--sex'],
      [['--protocol', 'nope', '--weight-kg', '80'], '--protocol'],
      [['--protocol', 'esketamine-trd', '--age-years', 'old'], '--age-years'],
      [[], '--protocol'],
    ]
    for (const [args, option] of cases) {
      const { code, err } = await run('dose', ...args)
      expect(code, args.join(' ')).toBe(2)
      expect(err).toContain(option)
    }
  })
})
