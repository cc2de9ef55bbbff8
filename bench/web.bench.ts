/**
 * Lighthouse on the public pages (issue 16): starts the built server (`dist/cli.js serve`, built
 * beforehand with `npm run build`) on a fresh PGlite folder and runs the `lighthouse` package in
 * Debian's Chromium with its default mobile preset (Moto G Power, simulated slow 4G and a 4× slower
 * CPU) on /learn, then on the staff sign-in page (what a signed-out staff user first sees) for the
 * bytes it transfers. Chromium is started by chrome-launcher (Lighthouse's own launcher).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { type Measurement, report, startBuiltServer } from './harness'

const learnRuns = 3
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
]

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr']
interface NetworkRequest {
  resourceType?: string
  transferSize?: number
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

/** Bytes over the wire (compressed when the server compresses) of one kind of request. */
function transferredKb(lhr: Result, resourceTypes: string[]): number {
  const details = lhr.audits['network-requests']?.details as { items?: NetworkRequest[] } | undefined
  const bytes = (details?.items ?? [])
    .filter((item) => resourceTypes.includes(item.resourceType ?? ''))
    .reduce((sum, item) => sum + (item.transferSize ?? 0), 0)
  return bytes / 1024
}

const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100)

function row(
  name: string,
  unit: string,
  values: number[],
  target?: { text: string; isPass: (v: number) => boolean },
): Measurement {
  const sorted = [...values].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]!
  return {
    name,
    unit,
    repetitions: values.length,
    medianMs: median,
    p95Ms: sorted[sorted.length - 1]!,
    minMs: sorted[0]!,
    ...(target && { target: target.text, isPass: target.isPass(median) }),
  }
}

export async function run(): Promise<Measurement[]> {
  if (!existsSync('dist/cli.js') || !existsSync('dist/web/learn/index.html'))
    throw new Error('the web bench needs the built server and web app: npm run build')
  const dataDir = mkdtempSync(join(tmpdir(), 'ketacare-bench-web-'))
  const serverPort = await freePort()
  const server = await startBuiltServer(dataDir, serverPort, { pollMs: 100, timeoutMs: 60_000 })
  const chrome = await launch({
    chromePath: process.env.KETACARE_CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: chromiumFlags,
    // A busy machine can take a while to open the browser.
    maxConnectionRetries: 200,
  })
  try {
    const audit = async (path: string): Promise<Result> => {
      const result = await lighthouse(`http://127.0.0.1:${serverPort}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'seo'],
      })
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`)
      if (result.lhr.runtimeError)
        throw new Error(`Lighthouse on ${path}: ${result.lhr.runtimeError.message}`)
      return result.lhr
    }
    const learn: Result[] = []
    for (let i = 0; i < learnRuns; i++) learn.push(await audit('/learn'))
    const signIn = await audit('/signin')
    const atLeast = (min: number) => ({ text: `≥ ${min}`, isPass: (v: number) => v >= min })
    const below = (max: number) => ({ text: `< ${max}`, isPass: (v: number) => v < max })
    const rows = [
      row(
        '/learn performance',
        'score',
        learn.map((lhr) => score(lhr, 'performance')),
        atLeast(95),
      ),
      row(
        '/learn accessibility',
        'score',
        learn.map((lhr) => score(lhr, 'accessibility')),
        atLeast(100),
      ),
      row(
        '/learn SEO',
        'score',
        learn.map((lhr) => score(lhr, 'seo')),
        atLeast(95),
      ),
      row(
        '/learn largest contentful paint',
        'ms',
        learn.map((lhr) => lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN),
        below(2000),
      ),
      row(
        '/learn first contentful paint',
        'ms',
        learn.map((lhr) => lhr.audits['first-contentful-paint']?.numericValue ?? Number.NaN),
      ),
      row(
        '/learn JavaScript transferred',
        'KB',
        learn.map((lhr) => transferredKb(lhr, ['Script'])),
        below(100),
      ),
      row(
        '/learn CSS transferred',
        'KB',
        learn.map((lhr) => transferredKb(lhr, ['Stylesheet'])),
      ),
      row(
        'staff first screen (/signin) JavaScript and CSS transferred',
        'KB',
        [transferredKb(signIn, ['Script', 'Stylesheet'])],
        below(350),
      ),
      row('staff first screen (/signin) performance', 'score', [score(signIn, 'performance')]),
    ]
    report('web delivery (Lighthouse mobile, simulated slow 4G)', rows)
    // What keeps a score from 100, from the last /learn run: where to look next.
    const last = learn[learn.length - 1]!
    for (const category of ['performance', 'accessibility', 'seo']) {
      const failing = (last.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (last.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => ref.id)
      if (failing.length > 0) console.log(`/learn ${category}: below full marks on ${failing.join(', ')}`)
    }
    return rows
  } finally {
    chrome.kill()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
