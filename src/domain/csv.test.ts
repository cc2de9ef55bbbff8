import { describe, expect, it } from 'vitest'
import { defuseFormula, toCsv } from './csv'

describe('the CSV formula-injection policy', () => {
  it.each([
    ['=HYPERLINK("http://x.example","click")', `'=HYPERLINK("http://x.example","click")`],
    ['+1+2', `'+1+2`],
    ['-1+2', `'-1+2`],
    ['-A1', `'-A1`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['＝1+1', `'＝1+1`],
    ['－1', `'－1`],
  ])('prefixes %j with an apostrophe', (text, written) => {
    expect(defuseFormula(text)).toBe(written)
  })

  it.each(['-3.5', '-0.500000', '-12', '0', '3.25', 'a=b', 'Dr. Priya Raman', ''])(
    'leaves %j as it is (plain numbers stay numbers)',
    (text) => {
      expect(defuseFormula(text)).toBe(text)
    },
  )
})

describe('toCsv', () => {
  it('quotes commas, double quotes and line breaks as RFC 4180 asks, ending each record with CRLF', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain']])).toBe(
      '"a,b","say ""hi""","two\nlines","cr\rhere",plain\r\n',
    )
  })

  it('writes numbers, booleans and empty cells as before', () => {
    expect(toCsv([[-3.5, 0, 12.25, true, false, null, undefined, '']])).toBe('-3.5,0,12.25,true,false,,,\r\n')
  })

  it('never emits a live formula, even where it also has to quote', () => {
    expect(toCsv([['=HYPERLINK("http://x.example","a, b")', '-2']], 'lf')).toBe(
      `"'=HYPERLINK(""http://x.example"",""a, b"")",-2\n`,
    )
  })

  it('writes a header and rows in order', () => {
    expect(
      toCsv([
        ['x', 'y'],
        ['1', '2'],
      ]),
    ).toBe('x,y\r\n1,2\r\n')
  })
})
