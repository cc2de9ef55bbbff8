// Prerenders the public pages (src/web/prerender-entry.tsx lists them) to static HTML after the
// client build: dist/web/<path>/index.html, each from its built template (learn.html: the slim /learn
// entry, learn-main.tsx; index.html: the React app, main.tsx, which hydrates it) with the page's HTML
// in #root, its title, description, canonical link, and its route chunks preloaded. Also writes
// robots.txt and sitemap.xml. Runs before the compression step of `npm run build`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'

const webDir = resolve('dist/web')
const ssrDir = resolve('dist/prerender')

await build({
  logLevel: 'warn',
  build: { ssr: resolve('src/web/prerender-entry.tsx'), outDir: ssrDir, emptyOutDir: true, manifest: false },
})
// The slim /learn entry (learn.html) has its own client build, beside the app's (vite.learn.config.ts).
await build({ logLevel: 'warn', configFile: resolve('vite.learn.config.ts') })
const { publicPages, publicUrlPlaceholder, renderPage } = await import(
  pathToFileURL(join(ssrDir, 'prerender-entry.js')).href
)

/** The built HTML of each entry (prerender-entry.tsx `template`): index.html, learn.html. */
const templates = new Map()
function templateOf(name) {
  if (!templates.has(name)) templates.set(name, readFileSync(join(webDir, name), 'utf8'))
  return templates.get(name)
}
const manifestPath = join(webDir, '.vite', 'manifest.json')
/** @type {Record<string, { file: string; css?: string[]; imports?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))

/** The JS and CSS files a route module needs (itself and its static imports), not already in the template. */
function filesOf(modules, template) {
  const js = new Set()
  const css = new Set()
  const visit = (key) => {
    const chunk = manifest[key]
    if (!chunk) throw new Error(`prerender: ${key} is not a chunk of the client build`)
    if (js.has(chunk.file)) return
    js.add(chunk.file)
    for (const file of chunk.css ?? []) css.add(file)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  for (const module of modules) visit(module)
  const isNew = (file) => !template.includes(`/${file}"`)
  return { js: [...js].filter(isNew), css: [...css].filter(isNew) }
}

const nonce = 'KETACARE_CSP_NONCE'
for (const page of publicPages) {
  const { root, head } = await renderPage(page)
  const template = templateOf(page.template)
  const { js, css } = filesOf(page.modules, template)
  const links = [
    ...css.map((file) => `<link rel="stylesheet" crossorigin href="/${file}" nonce="${nonce}">`),
    ...js.map((file) => `<link rel="modulepreload" crossorigin href="/${file}" nonce="${nonce}">`),
  ]
  const html = template
    .replace('<html lang="en">', '<html lang="en" data-mantine-color-scheme="light">')
    .replace(
      // The moved inline styles follow the stylesheets, so they win over them as inline styles would.
      /<title>[^<]*<\/title>/,
      `<title>${page.title}</title>\n    ${links.join('\n    ')}\n    ${head}`,
    )
    .replace('<div id="root"></div>', `<div id="root">${root}</div>`)
  if (!html.includes(root)) throw new Error(`prerender: the template has no empty #root for ${page.path}`)
  mkdirSync(join(webDir, page.path), { recursive: true })
  writeFileSync(join(webDir, page.path, 'index.html'), html)
  console.log(`prerendered ${page.path}`)
}

// Crawlers may read the public pages; the API, the portal and the staff app are not for them.
writeFileSync(
  join(webDir, 'robots.txt'),
  [
    'User-agent: *',
    'Allow: /learn',
    'Disallow: /api/',
    'Disallow: /portal',
    'Disallow: /c/',
    'Disallow: /signin',
    'Disallow: /display/',
    'Disallow: /docs',
    'Disallow: /fhir/',
    '',
  ].join('\n'),
)
writeFileSync(
  join(webDir, 'sitemap.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${publicPages
    .map((page) => `  <url><loc>${publicUrlPlaceholder}${page.path}</loc></url>`)
    .join('\n')}\n</urlset>\n`,
)
rmSync(ssrDir, { recursive: true })
// learn.html lives on only as /learn (its content without a page would be an empty #root).
rmSync(join(webDir, 'learn.html'))
rmSync(join(webDir, '.vite'), { recursive: true })
