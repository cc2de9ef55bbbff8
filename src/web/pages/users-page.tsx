import { Badge, Button, TextInput, VisuallyHidden } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useClinicSummary } from '../api/clinic'
import { type ClinicUser, useClinicUsers } from '../api/users'
import { AddUserModal } from '../components/add-user-modal'
import { useCurrentClinic } from '../components/current-clinic'
import { type Column, noShrink, OrDimmed, PagedQueryTable } from '../components/data-table'
import { useSearchPaging } from '../components/search-paging'
import { StaffPage } from '../components/staff-page'
import { TimeCell } from '../components/time-cell'
import { UserActions } from '../components/user-actions'
import { roleLabel } from '../lib/roles'

const pageSizes = [10, 25, 50, 100]
// Badges keep their whole word; the table scrolls sideways before a badge is cut.

function columns(clinicId: string, timeZone: string | undefined): Column<ClinicUser>[] {
  return [
    { header: 'Name', cell: (user) => user.displayName, td: { fw: 500 } },
    { header: 'E-mail', cell: (user) => user.email },
    { header: 'Role', cell: (user) => roleLabel(user.role) },
    {
      header: 'Status',
      cell: (user) => (
        <Badge color={user.isActive ? 'teal' : 'gray'} variant="light" style={noShrink}>
          {user.isActive ? 'Active' : 'Inactive'}
        </Badge>
      ),
    },
    {
      header: 'MFA',
      cell: (user) => (
        <Badge color={user.mfaEnrolled ? 'teal' : 'yellow'} variant="outline" style={noShrink}>
          {user.mfaEnrolled ? 'Enrolled' : 'Not set up'}
        </Badge>
      ),
    },
    {
      header: 'Last sign-in',
      cell: (user) => (
        <OrDimmed none="Never">
          {user.lastSignInAt && <TimeCell iso={user.lastSignInAt} timeZone={timeZone} />}
        </OrDimmed>
      ),
    },
    {
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      cell: (user) => <UserActions clinicId={clinicId} user={user} />,
      td: { ta: 'right' },
    },
  ]
}

export function UsersPage() {
  const { membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const { paging, search, q } = useSearchPaging()
  const { page, pageSize } = paging
  const [isAddOpen, addModal] = useDisclosure(false)
  const users = useClinicUsers(clinicId, { page, pageSize, q })
  const timeZone = useClinicSummary(clinicId).data?.timeZone

  return (
    <StaffPage title="Users" action={<Button onClick={addModal.open}>Add user</Button>}>
      <TextInput
        label="Search users"
        placeholder="Name or e-mail"
        {...search.field}
        maw={360}
        type="search"
      />
      <PagedQueryTable
        query={users}
        errorTitle="Could not load users"
        label="Users"
        minWidth={760}
        look="links"
        columns={columns(clinicId, timeZone)}
        rowKey={(user) => user.userId}
        empty={q ? `No users match “${q}”.` : 'No users yet.'}
        paging={paging}
        pageSizes={pageSizes}
        noun={['user', 'users']}
      />
      <AddUserModal clinicId={clinicId} opened={isAddOpen} onClose={addModal.close} />
    </StaffPage>
  )
}
