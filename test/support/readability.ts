import { fleschKincaid } from 'flesch-kincaid'
import { syllable } from 'syllable'

// Flesch–Kincaid grade of patient text (issue 14: US grade 8 or below). The formula and the
// syllable counts come from the `flesch-kincaid` and `syllable` packages; this file only cuts
// text into sentences and words. Every line is its own block (a heading, a list item, a button
// label), so a heading never runs into the sentence after it; inside a line, a sentence ends at
// . ! or ? followed by a space. A number counts as one word of one syllable.

export const patientGradeLimit = 8

export interface ReadingCounts {
  sentence: number
  word: number
  syllable: number
}

const wordPattern = /[\p{L}\p{N}]/u

export function countReading(text: string): ReadingCounts {
  const counts: ReadingCounts = { sentence: 0, word: 0, syllable: 0 }
  for (const line of text.split(/\r?\n/)) {
    for (const sentence of line.split(/(?<=[.!?])["”’)]*\s+/)) {
      const words = sentence
        .split(/[\s/–—]+/)
        .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
        .filter((w) => wordPattern.test(w))
      if (words.length === 0) continue
      counts.sentence++
      counts.word += words.length
      for (const w of words) counts.syllable += /\p{L}/u.test(w) ? Math.max(1, syllable(w)) : 1
    }
  }
  return counts
}

/** The US school grade the text reads at; one decimal. */
export function readingGrade(text: string): number {
  const counts = countReading(text)
  if (counts.word === 0) return 0
  return Math.round(fleschKincaid({ ...counts }) * 10) / 10
}
