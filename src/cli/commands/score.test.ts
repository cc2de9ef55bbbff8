import { describe, expect, it } from 'vitest'
import { runCommand } from '../../../test/support/cli'

const run = runCommand

/** `ketacare score <args>`, which must exit 0: what it printed. */
async function scored(...args: string[]) {
  const { code, out } = await run('score', ...args)
  expect(code).toBe(0)
  return out
}

/** `ketacare score <args>`, which must refuse with exit 2: what it said. */
async function refused(...args: string[]) {
  const { code, err } = await run('score', ...args)
  expect(code).toBe(2)
  return err
}

describe('ketacare score', () => {
  it('scores PHQ-9 with band and the suicide-risk flag', async () => {
    const out = await scored('phq9', '--answers', '2,2,2,2,1,1,1,0,1')
    expect(out).toContain('Total: 12 (range 0–27)')
    expect(out).toContain('Band: Moderate (moderate)')
    expect(out).toMatch(/FLAG \[urgent\] suicide-risk: .*same day/)
  })

  it('flags QIDS-SR16 item 12 at its maximum as urgent, and 1 as a warning (§4)', async () => {
    //            sleep   5 6 7 8 9 10 11 12 13 14 15 16
    const qids = (item12: string) => `1,1,1,0,2,1,-,1,-,1,1,${item12},1,1,1,0`
    expect(await scored('qids-sr16', '--answers', qids('3'))).toMatch(
      /FLAG \[urgent\] suicide-risk: Item 12 \(thoughts of death or suicide\) answered 3/,
    )
    const warning = await run('score', 'qids-sr16', '--answers', qids('1'), '--json')
    expect(JSON.parse(warning.out).flags).toEqual([expect.objectContaining({ severity: 'warning' })])
    expect((await run('score', 'qids-sr16', '--answers', qids('0'))).out).toContain('Flags: none')
  })

  it('scores a QIDS-SR16 with one of each either/or pair, and names the pair when both are blank (§4)', async () => {
    expect(await scored('qids-sr16', '--answers', '1,1,1,0,2,-,3,-,2,1,1,0,1,1,1,0')).toContain(
      'appetite-weight 3',
    )
    expect(await refused('qids-sr16', '--answers', '1,1,1,0,2,-,-,1,-,1,1,0,1,1,1,0')).toMatch(
      /item qids_6 \(answer 6\) is required, or its pair qids_7 \(appetite/,
    )
  })

  it('flags MADRS item 10 and HAM-D17 item 3 at the §4 levels', async () => {
    const madrs = await run('score', 'madrs', '--answers', '3,3,2,3,2,3,2,3,3,4')
    expect(madrs.out).toMatch(/FLAG \[urgent\] suicide-risk: Item 10/)
    const hamd = await run('score', 'hamd17', '--answers', '2,1,2,1,1,1,2,1,1,2,1,1,1,1,1,1,0')
    expect(hamd.out).toMatch(/FLAG \[warning\] suicide-risk: Item 3 \(suicide\) answered 2/)
  })

  it('prints JSON with --json, including CADSS subscales', async () => {
    const answers = [...new Array(19).fill('1'), ...new Array(8).fill('2')].join(',')
    const parsed = JSON.parse(await scored('cadss', '--answers', answers, '--json'))
    expect(parsed).toMatchObject({
      instrumentId: 'cadss',
      total: 35,
      subscales: { subjective: 19, observer: 16 },
    })
  })

  it('reads C-SSRS y/n/- answers with skip logic', async () => {
    expect(await scored('cssrs-screen', '--answers', 'y,n,-,-,-,y,y')).toContain('Band: High risk (high)')
    expect(await refused('cssrs-screen', '--answers', 'y,n,n,-,-,n,-')).toContain(
      'item cssrs_3 (answer 3) is not asked when item 2 is no',
    )
  })

  it('lists instruments', async () => {
    const out = await scored('--list')
    expect(out).toMatch(/qids-sr16\s+QIDS-SR16\s+16\s+patient/)
    expect(out.trim().split('\n')).toHaveLength(11)
    const json = JSON.parse((await run('score', '--list', '--json')).out)
    expect(json[0]).toEqual({ id: 'phq9', name: 'PHQ-9', items: 9, respondent: 'patient' })
  })

  it.each([
    [['phq9', '--answers', '0,0,0,0,0,0,0,0,4'], 'item phq9_9 (answer 9) must be one of 0, 1, 2, 3, got 4'],
    [['phq9', '--answers', '0,0,0,0,0,0,0,0'], 'phq9 expects 9 answers'],
    [['phq9', '--answers', '0,0,x,0,0,0,0,0,0'], 'item phq9_3 (answer 3): expected a whole number'],
    [['phq9', '--answers', '0,0,-,0,0,0,0,0,0'], 'item phq9_3 (answer 3) is required'],
    [['cssrs-screen', '--answers', 'y,maybe,-,-,-,n,-'], 'item cssrs_2 (answer 2): expected y, n or -'],
    [['beck', '--answers', '1'], 'unknown instrument "beck"'],
    [['phq9'], '--answers is required'],
    [[], 'name an instrument'],
  ])('rejects %j with exit 2: %s', async (args, message) => {
    expect(await refused(...args)).toContain(message)
  })

  it('prints its help', async () => {
    expect(await scored('--help')).toContain('Usage: ketacare score <instrument-id> --answers')
  })
})
