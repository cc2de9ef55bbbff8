import { Code, Group, Text } from '@mantine/core'
import { formatDateTime } from '../lib/time'

/** Who signed, when, and the SHA-256 of what was signed. */
export function SignedRecord({
  signerName,
  signedAt,
  contentHash,
  timeZone,
}: {
  signerName: string
  signedAt: string
  contentHash: string
  timeZone: string | undefined
}) {
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">
        Signed by <strong>{signerName}</strong> on {formatDateTime(signedAt, timeZone)}
      </Text>
      <Text size="xs" c="dimmed">
        SHA-256
      </Text>
      <Code style={{ wordBreak: 'break-all', whiteSpace: 'normal' }} title={contentHash}>
        {contentHash}
      </Code>
    </Group>
  )
}
