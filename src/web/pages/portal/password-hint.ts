import { passwordRules } from '../../../domain/access/credential-rules'

// A gentle hint while the patient chooses a password. Length is what the server requires (12+);
// the rest only nudges towards passwords that are harder to guess.

export const MIN_PASSWORD_LENGTH = passwordRules.minLength

export interface PasswordHint {
  /** 0–4, for the strength bar. */
  level: number
  label: string
  isLongEnough: boolean
  advice: string
}

const commonPieces = ['password', '123456', 'qwerty', 'ketamine', 'letmein', 'welcome', 'abc123']

export function describePassword(password: string): PasswordHint {
  const length = password.length
  if (length < MIN_PASSWORD_LENGTH) {
    const missing = MIN_PASSWORD_LENGTH - length
    return {
      level: length === 0 ? 0 : 1,
      label: 'Too short',
      isLongEnough: false,
      advice: `Use at least ${MIN_PASSWORD_LENGTH} characters (${missing} more).`,
    }
  }
  const lower = password.toLowerCase()
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  const isRepetitive = new Set(lower).size <= 3
  if (isRepetitive || commonPieces.some((piece) => lower.includes(piece))) {
    return {
      level: 2,
      label: 'Easy to guess',
      isLongEnough: true,
      advice: 'Avoid common words and repeated characters. A few unrelated words work well.',
    }
  }
  if (length >= 16 || kinds >= 3) {
    return { level: 4, label: 'Strong', isLongEnough: true, advice: 'Good choice.' }
  }
  return {
    level: 3,
    label: 'Good',
    isLongEnough: true,
    advice: 'Longer is stronger: a few more words or characters would make it even better.',
  }
}
