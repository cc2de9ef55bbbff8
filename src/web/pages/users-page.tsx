import { Badge, Button, Group, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { useDebouncedValue, useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { useClinicSummary } from '../api/clinic'
import { pageCount } from '../api/page'
import { useClinicUsers } from '../api/users'
import { AddUserModal } from '../components/add-user-modal'
import { useCurrentClinic } from '../components/current-clinic'
import { ListFooter, usePaging } from '../components/list-footer'
import { ErrorAlert, PageLoader } from '../components/page-status'
import { TimeCell } from '../components/time-cell'
import { UserActions } from '../components/user-actions'
import { roleLabel } from '../lib/roles'

const pageSizes = [10, 25, 50, 100]
// Badges keep their whole word; the table scrolls sideways before a badge is cut.
const noShrink = { minWidth: 'max-content' }

export function UsersPage() {
  const { membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search.trim(), 300)
  const { page, setPage, pageSize, setPageSize } = usePaging(25)
  const [isAddOpen, addModal] = useDisclosure(false)
  const users = useClinicUsers(clinicId, { page, pageSize, q })
  const timeZone = useClinicSummary(clinicId).data?.timeZone

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          Users
        </Title>
        <Button onClick={addModal.open}>Add user</Button>
      </Group>
      <TextInput
        label="Search users"
        placeholder="Name or e-mail"
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value)
          setPage(1)
        }}
        maw={360}
        type="search"
      />
      {users.isPending && <PageLoader />}
      {users.isError && <ErrorAlert error={users.error} title="Could not load users" />}
      {users.data && (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-label="Users">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>E-mail</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>MFA</Table.Th>
                  <Table.Th>Last sign-in</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.items.map((user) => (
                  <Table.Tr key={user.userId}>
                    <Table.Td fw={500}>{user.displayName}</Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>{roleLabel(user.role)}</Table.Td>
                    <Table.Td>
                      <Badge color={user.isActive ? 'teal' : 'gray'} variant="light" style={noShrink}>
                        {user.isActive ? 'Active' : 'Inactive'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={user.mfaEnrolled ? 'teal' : 'yellow'} variant="outline" style={noShrink}>
                        {user.mfaEnrolled ? 'Enrolled' : 'Not set up'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {user.lastSignInAt ? (
                        <TimeCell iso={user.lastSignInAt} timeZone={timeZone} />
                      ) : (
                        <Text size="sm" c="dimmed">
                          Never
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <UserActions clinicId={clinicId} user={user} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {users.data.items.length === 0 && (
            <Text c="dimmed" ta="center" py="md">
              {q ? `No users match “${q}”.` : 'No users yet.'}
            </Text>
          )}
          <ListFooter
            total={users.data.total}
            page={page}
            pageCount={pageCount(users.data)}
            pageSize={pageSize}
            pageSizes={pageSizes}
            noun={users.data.total === 1 ? 'user' : 'users'}
            onPage={setPage}
            onPageSize={setPageSize}
          />
        </>
      )}
      <AddUserModal clinicId={clinicId} opened={isAddOpen} onClose={addModal.close} />
    </Stack>
  )
}
