// The browser build of csv-stringify (its Node build needs the global Buffer): the same module
// writes the outcomes CSV in the web app and the ledger reports and research export on the server.
import { stringify } from 'csv-stringify/browser/esm/sync'

// Every CSV KetaCare writes (ledger reports, the outcomes download, the research export) goes
// through here, so one formula-injection policy holds for all of them (OWASP "CSV Injection"):
//
// - A text cell whose first character is = + - @ TAB or CR, or the full-width ＝ ＋ － ＠ that some
//   spreadsheets (Apple Numbers) read as the same, is written with a leading apostrophe ('), so a
//   spreadsheet shows it as text instead of running it.
// - Except a plain decimal number: a JavaScript number, or text that is exactly an optional minus,
//   digits and an optional fraction (`-3.5`, `-0.500000`), stays as it is, so negative quantities
//   remain numbers. Anything else that starts with a minus (`-1+2`, `-A1`, `--x`) is prefixed.
// - Quoting is RFC 4180: a cell holding a comma, a double quote, CR or LF is quoted and its double
//   quotes doubled. Empty, null and undefined cells are empty; booleans are written `true`/`false`.

export type CsvCell = string | number | boolean | null | undefined

const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/
const plainNumber = /^-?\d+(\.\d+)?$/

/** A text cell as the policy writes it: a leading apostrophe if a spreadsheet would run it. */
export function defuseFormula(text: string): string {
  return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text
}

/**
 * Rows (the header row first, if any) as CSV text, every record ended by the line ending:
 * CRLF as RFC 4180 asks, or LF for line-oriented files (the research export).
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], lineEnding: 'crlf' | 'lf' = 'crlf'): string {
  return stringify(
    rows.map((row) => [...row]),
    {
      record_delimiter: lineEnding === 'crlf' ? 'windows' : 'unix',
      // csv-stringify stops quoting CR and LF inside cells once a record delimiter is given.
      quote_record_delimiter: true,
      cast: { string: defuseFormula, boolean: (value) => String(value) },
    },
  )
}
