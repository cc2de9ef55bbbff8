import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../test/support/test-app'

// Issue 16: the built web app goes out as the Brotli/gzip files of the build with long caching on
// hashed assets; pages are compressed per response (they carry a nonce) and always revalidated;
// API JSON above 1 KB is compressed.

let t: TestApp
let root: string
let webDir: string
const script = 'export function lineOf(i) { return "line " + i + " of the app" }\n'.repeat(200)
const page = (title: string) =>
  `<!doctype html><meta property="csp-nonce" nonce="KETACARE_CSP_NONCE"><title>${title}</title><main>${'<p>What ketamine treatment is, and what it is not.</p>'.repeat(50)}</main>`

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ketacare-web-'))
  webDir = join(root, 'web')
  mkdirSync(join(webDir, 'assets'), { recursive: true })
  mkdirSync(join(webDir, 'learn', 'safety'), { recursive: true })
  writeFileSync(join(webDir, 'index.html'), page('app shell'))
  writeFileSync(join(webDir, 'learn', 'index.html'), page('learn'))
  writeFileSync(join(webDir, 'learn', 'safety', 'index.html'), page('safety'))
  writeFileSync(join(webDir, 'assets', 'app-Ab12Cd34.js'), script)
  writeFileSync(join(webDir, 'assets', 'tiny-Ef56Gh78.js'), 'export const a = 1\n')
  writeFileSync(join(webDir, 'robots.txt'), 'User-agent: *\nAllow: /\n')
  writeFileSync(join(root, 'outside.txt'), 'not part of the web app')
  execFileSync(process.execPath, ['scripts/compress-web.mjs', webDir])
  t = await startTestApp({ KETACARE_WEB_DIR: webDir })
})

afterAll(async () => {
  await t?.close()
  rmSync(root, { recursive: true, force: true })
})

const get = (url: string, acceptEncoding?: string, cookie?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: {
      ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
      ...(cookie ? { cookie } : {}),
    },
  })

describe('the built files', () => {
  it('a hashed asset is its Brotli or gzip file as the client accepts, cached for a year', async () => {
    const plain = readFileSync(join(webDir, 'assets', 'app-Ab12Cd34.js'))
    const br = await get('/assets/app-Ab12Cd34.js', 'gzip, deflate, br')
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toContain('javascript')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers.vary).toContain('accept-encoding')
    expect(br.rawPayload.length).toBeLessThan(plain.length / 5)
    expect(brotliDecompressSync(br.rawPayload).equals(plain)).toBe(true)

    const gzip = await get('/assets/app-Ab12Cd34.js', 'gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.rawPayload).equals(plain)).toBe(true)

    for (const acceptEncoding of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const none = await get('/assets/app-Ab12Cd34.js', acceptEncoding)
      expect(none.headers['content-encoding'], acceptEncoding).toBeUndefined()
      expect(none.rawPayload.equals(plain)).toBe(true)
      expect(none.headers.vary).toContain('accept-encoding')
    }
  })

  it('a file too small to compress goes out as it is; unhashed files are kept an hour', async () => {
    const tiny = await get('/assets/tiny-Ef56Gh78.js', 'br, gzip')
    expect(tiny.headers['content-encoding']).toBeUndefined()
    expect(tiny.body).toBe('export const a = 1\n')
    expect(tiny.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const robots = await get('/robots.txt', 'br, gzip')
    expect(robots.statusCode).toBe(200)
    expect(robots.headers['cache-control']).toBe('public, max-age=3600')
  })

  it('never sends an HTML file, a compressed copy by its own name, or anything outside the folder', async () => {
    for (const url of ['/index.html', '/learn/index.html', '/learn/../index.html']) {
      const res = await get(url)
      expect(res.statusCode, url).toBe(200)
      expect(res.body, url).not.toContain('KETACARE_CSP_NONCE')
      expect(res.headers['cache-control'], url).toBe('no-cache')
    }
    for (const url of ['/assets/app-Ab12Cd34.js.br', '/assets/missing-Zz99.js']) {
      const res = await get(url, 'br')
      expect(res.statusCode, url).toBe(404)
      expect(res.headers['content-type'], url).toContain('application/problem+json')
    }
    for (const url of [
      '/assets/../../outside.txt',
      '/assets/%2e%2e/%2e%2e/outside.txt',
      '/assets/..%2f..%2foutside.txt',
      '/learn/..%2f..%2foutside.txt',
      '/%2e%2e/outside.txt',
    ]) {
      const res = await get(url)
      expect(res.body, url).not.toContain('not part of the web app')
    }
  })
})

describe('pages', () => {
  it('a prerendered page is served at its route with this response nonce, compressed, revalidated', async () => {
    for (const [url, title] of [
      ['/learn', 'learn'],
      ['/learn/', 'learn'],
      ['/learn/safety', 'safety'],
      ['/learn/safety?from=home', 'safety'],
    ] as const) {
      const res = await get(url, 'br, gzip')
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['content-encoding'], url).toBe('br')
      expect(res.headers['cache-control'], url).toBe('no-cache')
      expect(res.headers.vary, url).toContain('accept-encoding')
      const html = brotliDecompressSync(res.rawPayload).toString('utf8')
      expect(html, url).toContain(`<title>${title}</title>`)
      const nonce = /style-src 'self' 'nonce-([0-9a-f]+)'/.exec(
        String(res.headers['content-security-policy']),
      )?.[1]
      expect(nonce, url).toBeDefined()
      expect(html, url).toContain(`nonce="${nonce}"`)
    }
    const plain = await get('/learn/safety')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toContain('<title>safety</title>')
    expect(plain.body).not.toContain('KETACARE_CSP_NONCE')
  })

  it('any other page path is the app shell', async () => {
    for (const url of ['/', '/patients', '/learn/unknown-page']) {
      const res = await get(url, 'gzip')
      const html =
        res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload).toString() : res.body
      expect(html, url).toContain('<title>app shell</title>')
      expect(res.headers['cache-control'], url).toBe('no-cache')
    }
  })
})

describe('API replies', () => {
  it('JSON above 1 KB is compressed for a client that accepts it, plain otherwise', async () => {
    const nurse = new Client(t)
    await nurse.signIn(demoEmails.nurse)
    const cookie = `kc_session=${nurse.cookie}`
    const url = `/api/v1/clinics/${t.clinics.riverside}/rules`
    const plain = await get(url, undefined, cookie)
    expect(plain.statusCode).toBe(200)
    expect(plain.rawPayload.length).toBeGreaterThan(1024)
    expect(plain.headers['content-encoding']).toBeUndefined()
    const br = await get(url, 'gzip, deflate, br', cookie)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toContain('accept-encoding')
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json())

    const openApi = await get('/openapi.json', 'gzip')
    expect(openApi.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(openApi.rawPayload).toString()).openapi).toMatch(/^3\./)
  })

  it('a problem reply still reads as problem+json under compression', async () => {
    const res = await get('/api/v1/no-such-route', 'br, gzip')
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const body =
      res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload) : res.rawPayload
    expect(JSON.parse(body.toString())).toMatchObject({ status: res.statusCode })
  })
})
