import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { contentDisposition } from './content-disposition'

describe('contentDisposition', () => {
  it('keeps a plain ASCII name as it is', () => {
    expect(contentDisposition('attachment', 'waste-log-2026-11-01-2026-11-30.csv')).toBe(
      'attachment; filename="waste-log-2026-11-01-2026-11-30.csv"',
    )
  })

  it('turns line breaks, quotes and slashes into _ so the header cannot be split or the name escape', () => {
    expect(contentDisposition('inline', 'consent-RK\r\nSet-Cookie: a=b"/../x.pdf')).toBe(
      'inline; filename="consent-RK__Set-Cookie: a=b__.._x.pdf"',
    )
  })

  it('gives an ASCII fallback and the UTF-8 name (RFC 5987) for other letters', () => {
    expect(contentDisposition('inline', 'consent-Žofia-東京.pdf')).toBe(
      `inline; filename="consent-Zofia-__.pdf"; filename*=UTF-8''consent-%C5%BDofia-%E6%9D%B1%E4%BA%AC.pdf`,
    )
  })

  it('is always visible ASCII, whatever the name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const header = contentDisposition('attachment', name)
        expect(header).toMatch(
          /^attachment; filename="[\x20-\x7e]*"(; filename\*=UTF-8''[A-Za-z0-9%._~-]+)?$/,
        )
      }),
    )
  })
})
