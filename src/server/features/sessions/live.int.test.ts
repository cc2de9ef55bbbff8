import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../../test/support/test-app'
import { openDatabase } from '../../../db'
import { buildApp } from '../../app'
import { seedDemoClinicalData } from '../../seed/demo'

// Issue 13 "live updates across servers": a second server process on the same database hears a
// change made through the first one within a second, through PostgreSQL LISTEN/NOTIFY. On
// PostgreSQL the second server has its own connection pool and its own LISTEN connection, as a
// second process would; the embedded database is one process, so there both share it.

let t: TestApp
let second: FastifyInstance
let secondUrl: string
let closeSecond: () => Promise<void>
let nurse: Client

interface SseEvent {
  event: string
  // biome-ignore lint/suspicious/noExplicitAny: the view as JSON; the test reads a few fields
  data: any
}

/** Reads server-sent events from a live endpoint of the second server, as a browser would. */
async function openStream(path: string, cookie: string) {
  const controller = new AbortController()
  const response = await fetch(`${secondUrl}${path}`, { headers: { cookie }, signal: controller.signal })
  const events: SseEvent[] = []
  const waiters: Array<() => void> = []
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buffer += value
        let cut = buffer.indexOf('\n\n')
        while (cut !== -1) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event && data) events.push({ event, data: JSON.parse(data) })
          for (const wake of waiters.splice(0)) wake()
          cut = buffer.indexOf('\n\n')
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })()
  const next = async (count: number, timeoutMs: number): Promise<SseEvent> => {
    const deadline = Date.now() + timeoutMs
    while (events.length < count) {
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`no event #${count} within ${timeoutMs} ms`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
    return events[count - 1]!
  }
  return { response, events, next, close: () => controller.abort() }
}

beforeAll(async () => {
  t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '1000', KETACARE_SESSION_IDLE_MIN: '240' })
  await seedDemoClinicalData(t.ctx, t.demo)
  const databaseUrl = process.env.KETACARE_TEST_DB === 'postgres' ? await urlOf(t) : undefined
  const secondDatabase = databaseUrl ? await openDatabase({ databaseUrl }) : t.database
  second = await buildApp(t.ctx.config, secondDatabase, { now: t.clock.now })
  await second.listen({ port: 0, host: '127.0.0.1' })
  const address = second.server.address()
  secondUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  closeSecond = async () => {
    await second.close()
    if (databaseUrl) await secondDatabase.close()
  }
  nurse = new Client(t)
  await nurse.signIn(demoEmails.nurse)
})
afterAll(async () => {
  await closeSecond()
  await t.close()
})

async function urlOf(app: TestApp): Promise<string> {
  const row = await app.database.db
    .selectNoFrom((eb) => eb.fn<string>('current_database').as('name'))
    .executeTakeFirstOrThrow()
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')
  url.pathname = `/${row.name}`
  return url.toString()
}

describe('live updates across two servers (issue 13)', () => {
  it('shows a vital sign charted on one server on the other server’s board within a second', async () => {
    const clinic = `/api/v1/clinics/${t.clinics.riverside}`
    const board = (await nurse.get(`${clinic}/board`)).json()
    const dosing = board.sessions.find((s: { state: string }) => s.state === 'dosing')
    expect(dosing, 'the demo has a session dosing now').toBeDefined()

    const stream = await openStream(`${clinic}/board/live`, `kc_session=${nurse.cookie}`)
    expect(stream.response.status).toBe(200)
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream')
    const opened = await stream.next(1, 5_000)
    expect(opened.event).toBe('board')
    const before = opened.data.sessions.find((s: { id: string }) => s.id === dosing.id)

    t.clock.advanceMinutes(1)
    const charted = await nurse.post(`${clinic}/sessions/${dosing.id}/vitals`, {
      context: 'intra',
      systolicMmHg: 204,
      diastolicMmHg: 100,
      heartRateBpm: 88,
      spo2Percent: 97,
    })
    expect(charted.statusCode).toBe(200)
    const startedAt = Date.now()
    const pushed = await stream.next(2, 1_000)
    expect(Date.now() - startedAt).toBeLessThan(1_000)
    const after = pushed.data.sessions.find((s: { id: string }) => s.id === dosing.id)
    // The new reading moves the next-vitals timer and (204 mmHg, §2 ⚠️ > 200 once) opens an alert.
    expect(after.nextVitalsDueAt).not.toBe(before.nextVitalsDueAt)
    expect(after.openAlerts.length).toBeGreaterThan(before.openAlerts.length)
    stream.close()
  })

  it('streams the chair-side view and audits opening it, not each refresh', async () => {
    const clinic = `/api/v1/clinics/${t.clinics.riverside}`
    const board = (await nurse.get(`${clinic}/board`)).json()
    const dosing = board.sessions.find((s: { state: string }) => s.state === 'dosing')
    const countReads = async () =>
      (
        await t.database.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('action', '=', 'sessions.read')
          .where('entity_id', '=', dosing.id)
          .executeTakeFirstOrThrow()
      ).n
    const readsBefore = Number(await countReads())
    const stream = await openStream(`${clinic}/sessions/${dosing.id}/live`, `kc_session=${nurse.cookie}`)
    expect((await stream.next(1, 5_000)).event).toBe('session')
    for (const heartRateBpm of [90, 92, 94]) {
      t.clock.advanceMinutes(1)
      await nurse.post(`${clinic}/sessions/${dosing.id}/vitals`, {
        context: 'intra',
        heartRateBpm,
        spo2Percent: 98,
      })
      await stream.next(stream.events.length + 1, 1_000)
    }
    expect(Number(await countReads())).toBe(readsBefore + 1)
    stream.close()
  })

  it('refuses a stream to someone without access, as the board itself does', async () => {
    const other = await fetch(`${secondUrl}/api/v1/clinics/${t.clinics.riverside}/board/live`)
    expect(other.status).toBe(401)
    // Front desk sees the board but not the chair-side record (no clinical:read).
    const frontDesk = new Client(t)
    await frontDesk.signIn(demoEmails.frontDesk)
    const board = (await nurse.get(`/api/v1/clinics/${t.clinics.riverside}/board`)).json()
    const denied = await fetch(
      `${secondUrl}/api/v1/clinics/${t.clinics.riverside}/sessions/${board.sessions[0].id}/live`,
      { headers: { cookie: `kc_session=${frontDesk.cookie}` } },
    )
    expect(denied.status).toBe(403)
    expect(denied.headers.get('content-type')).toContain('application/problem+json')
    const hillcrest = await fetch(`${secondUrl}/api/v1/clinics/${t.clinics.hillcrest}/board/live`, {
      headers: { cookie: `kc_session=${frontDesk.cookie}` },
    })
    expect(hillcrest.status, 'not a member of the other clinic').toBe(403)
  })
})
