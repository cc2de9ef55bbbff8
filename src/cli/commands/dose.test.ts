import { describe, expect, it } from 'vitest'
import type { CliIo } from '../command'
import { runCli } from '../run-cli'

async function run(...argv: string[]) {
  let out = ''
  let err = ''
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env: {}, isTty: false }
  const code = await runCli(argv, io)
  return { code, out, err }
}

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
    expect(out).toMatch(/Dose:\s+40 mg \(0\.5 mg\/kg\)/)
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
