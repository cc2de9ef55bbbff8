import { Button, Menu } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { type Discrepancy, type Lot, type Stock, useDiscrepancies } from '../../api/ledger'
import { LossReportModal } from './loss-report-modal'
import { type MovementKind, MovementModal } from './movement-modal'
import { ReceiveModal } from './receive-modal'
import { ResolveModal } from './resolve-modal'

/** The form open over the ledger page, if any. */
export type LedgerAction =
  | { type: 'movement'; kind: MovementKind; lot: Lot }
  | { type: 'receive'; lot?: Lot }
  | { type: 'resolve'; discrepancy: Discrepancy }
  | { type: 'loss'; discrepancy?: Discrepancy | null }

interface LedgerActionHostProps {
  clinicId: string
  stock: Stock
  action: LedgerAction | null
  onAction: (action: LedgerAction | null) => void
}

export function LedgerActionHost({ clinicId, stock, action, onAction }: LedgerActionHostProps) {
  const discrepancies = useDiscrepancies(clinicId)
  const queryClient = useQueryClient()
  const close = () => onAction(null)
  if (!action) return null
  // Forms work on the latest copy of a lot, so balances and versions are current.
  const freshLot = (lot: Lot) => stock.lots.find((l) => l.id === lot.id) ?? lot
  switch (action.type) {
    case 'movement':
      return (
        <MovementModal
          clinicId={clinicId}
          lot={freshLot(action.lot)}
          kind={action.kind}
          wasteWitnessRequired={stock.wasteWitnessRequired}
          onClose={close}
        />
      )
    case 'receive':
      return <ReceiveModal clinicId={clinicId} lot={action.lot && freshLot(action.lot)} onClose={close} />
    case 'resolve': {
      const d = discrepancies.data?.find((x) => x.id === action.discrepancy.id) ?? action.discrepancy
      return (
        <ResolveModal
          clinicId={clinicId}
          discrepancy={d}
          lot={stock.lots.find((l) => l.id === d.lotId)}
          onClose={close}
          onReload={() => void queryClient.invalidateQueries({ queryKey: ['clinics', clinicId, 'ledger'] })}
          onReportLoss={(discrepancy) => onAction({ type: 'loss', discrepancy })}
        />
      )
    }
    case 'loss':
      return (
        <LossReportModal
          clinicId={clinicId}
          lots={stock.lots.filter((l) => l.balanceMg !== '0' || l.id === action.discrepancy?.lotId)}
          discrepancy={action.discrepancy ?? null}
          onClose={close}
        />
      )
  }
}

/** The movements a nurse or prescriber may record on one lot. */
export function LotActionsMenu({ lot, onAction }: { lot: Lot; onAction: (action: LedgerAction) => void }) {
  const isEmpty = lot.balanceMg === '0'
  const item = (kind: MovementKind, label: string) => (
    <Menu.Item disabled={isEmpty} onClick={() => onAction({ type: 'movement', kind, lot })}>
      {label}
    </Menu.Item>
  )
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="light" aria-label={`Record for lot ${lot.lotNumber}`}>
          Record…
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {item('waste', 'Waste')}
        {item('breakage', 'Breakage or spill')}
        {item('return', 'Return to supplier')}
        {item('transfer', 'Transfer')}
        <Menu.Divider />
        <Menu.Item onClick={() => onAction({ type: 'receive', lot })}>Receive more of this lot</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
