import { Group, Stack, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { ErrorAlert, PageLoader } from './page-status'

/** A staff page's heading, with the page's main action (a button) on its right when it has one. */
export function StaffPageTitle({ children, action }: { children: ReactNode; action?: ReactNode }) {
  const title = (
    <Title order={1} size="h2">
      {children}
    </Title>
  )
  if (action === undefined) return title
  return (
    <Group justify="space-between" align="flex-end">
      {title}
      {action}
    </Group>
  )
}

/** A staff page: its heading, then its content. */
export function StaffPage({
  title,
  action,
  maw,
  children,
}: {
  title: ReactNode
  action?: ReactNode
  maw?: number
  children: ReactNode
}) {
  return (
    <Stack gap="md" maw={maw}>
      <StaffPageTitle action={action}>{title}</StaffPageTitle>
      {children}
    </Stack>
  )
}

/** What a query shows: a loader while it loads, its problem if it failed, `children` once it has data. */
export interface QueryStatesProps<T> {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined }
  errorTitle: string
  children: (data: T) => ReactNode
}

export function QueryStates<T>({ query, errorTitle, children }: QueryStatesProps<T>) {
  return (
    <>
      {query.isPending && <PageLoader />}
      {query.isError && <ErrorAlert error={query.error} title={errorTitle} />}
      {query.data && children(query.data)}
    </>
  )
}
