// The styles of the Mantine components the public pages use (and those they are built on), in the
// order of Mantine's full stylesheet, instead of all of @mantine/core/styles.css (mantine-styles.ts):
// a phone on a slow connection loads a fraction of the CSS. Add a component's file here, in that
// order, when a learn page starts using it (the page looks unstyled otherwise).
import '@mantine/core/styles/ScrollArea.layer.css'
import '@mantine/core/styles/UnstyledButton.layer.css'
import '@mantine/core/styles/VisuallyHidden.layer.css'
import '@mantine/core/styles/Paper.layer.css'
import '@mantine/core/styles/Popover.layer.css'
import '@mantine/core/styles/Loader.layer.css'
import '@mantine/core/styles/ActionIcon.layer.css'
import '@mantine/core/styles/CloseButton.layer.css'
import '@mantine/core/styles/Group.layer.css'
import '@mantine/core/styles/Input.layer.css'
import '@mantine/core/styles/FloatingIndicator.layer.css'
import '@mantine/core/styles/Accordion.layer.css'
import '@mantine/core/styles/Alert.layer.css'
import '@mantine/core/styles/Text.layer.css'
import '@mantine/core/styles/Anchor.layer.css'
import '@mantine/core/styles/Combobox.layer.css'
import '@mantine/core/styles/InlineInput.layer.css'
import '@mantine/core/styles/CheckboxIndicator.layer.css'
import '@mantine/core/styles/Checkbox.layer.css'
import '@mantine/core/styles/Badge.layer.css'
import '@mantine/core/styles/Button.layer.css'
import '@mantine/core/styles/Center.layer.css'
import '@mantine/core/styles/Container.layer.css'
import '@mantine/core/styles/List.layer.css'
import '@mantine/core/styles/NumberInput.layer.css'
import '@mantine/core/styles/RadioCard.layer.css'
import '@mantine/core/styles/RadioIndicator.layer.css'
import '@mantine/core/styles/Radio.layer.css'
import '@mantine/core/styles/SegmentedControl.layer.css'
import '@mantine/core/styles/SimpleGrid.layer.css'
import '@mantine/core/styles/Slider.layer.css'
import '@mantine/core/styles/Stack.layer.css'
import '@mantine/core/styles/Table.layer.css'
import '@mantine/core/styles/ThemeIcon.layer.css'
import '@mantine/core/styles/Title.layer.css'
import './learn.css'
import { Anchor, Group, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { PatientDisclaimer } from '../../components/patient-disclaimer'
import { PublicBrand, type PublicLink, PublicNav, PublicShell } from '../../components/public-layout'
import { usePublicLinks } from '../../components/public-links'

const links: PublicLink[] = [
  { to: '/learn', label: 'About ketamine', end: true },
  { to: '/learn/self-check', label: 'Self-check', end: false },
]

/**
 * The public pages' own light layout: no staff shell, no sign-in, the disclaimer on every page.
 * `children`: the page (the route's outlet in the React app, the page itself in learn-main.tsx).
 */
export function LearnLayout({ children }: { children: ReactNode }) {
  const { Link } = usePublicLinks()
  return (
    <PublicShell
      mainId="learn-main"
      size="md"
      headerClassName="learn-header no-print"
      header={
        <Group justify="space-between" wrap="wrap" gap="xs">
          <PublicBrand to="/learn" area="Learn" />
          <PublicNav label="Learn pages" links={links} gap="md" linkClassName="learn-nav-link" />
        </Group>
      }
      footer={
        <>
          <PatientDisclaimer />
          <Text size="sm" c="dark.6" className="no-print">
            In crisis or thinking about suicide? In the US call or text <strong>988</strong> (Suicide & Crisis
            Lifeline) at any time, or call <strong>911</strong> in an emergency.
          </Text>
          <Text size="xs" c="dark.5" className="no-print">
            Clinic staff:{' '}
            <Anchor component={Link} to="/signin" size="xs" underline="always">
              sign in
            </Anchor>
          </Text>
        </>
      }
    >
      {children}
    </PublicShell>
  )
}
