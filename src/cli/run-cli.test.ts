import { describe, expect, it } from 'vitest'
import type { CliIo } from './command'
import { runCli } from './run-cli'

function bufferIo(env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env, isTty: false }
  return { io, out: () => out.join(''), err: () => err.join('') }
}

describe('ketacare', () => {
  it('lists every command with --help', async () => {
    const b = bufferIo()
    expect(await runCli(['--help'], b.io)).toBe(0)
    for (const name of ['serve', 'migrate', 'seed', 'user add', 'audit verify'])
      expect(b.out()).toContain(name)
  })

  it('prints a command help without touching the database', async () => {
    const b = bufferIo()
    expect(await runCli(['audit', 'verify', '--help'], b.io)).toBe(0)
    expect(b.out()).toMatch(/Usage: ketacare audit verify/)
  })

  it('exits 2 on an unknown command or a bad configuration', async () => {
    const unknown = bufferIo()
    expect(await runCli(['frobnicate'], unknown.io)).toBe(2)
    expect(unknown.err()).toContain('unknown command')
    const bad = bufferIo({ PORT: 'not-a-port' })
    expect(await runCli(['migrate'], bad.io)).toBe(2)
    expect(bad.err()).toMatch(/PORT/)
  })
})
