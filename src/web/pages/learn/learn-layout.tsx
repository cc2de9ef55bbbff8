// The styles of the Mantine components the public pages use (and those they are built on), in
// Mantine's documented order, instead of all of @mantine/core/styles.css (mantine-styles.ts): a
// phone on a slow connection loads a fraction of the CSS. Add a component's file here when a learn
// page starts using it (the page looks unstyled otherwise).
import '@mantine/core/styles/ScrollArea.css'
import '@mantine/core/styles/UnstyledButton.css'
import '@mantine/core/styles/VisuallyHidden.css'
import '@mantine/core/styles/Paper.css'
import '@mantine/core/styles/Popover.css'
import '@mantine/core/styles/CloseButton.css'
import '@mantine/core/styles/Group.css'
import '@mantine/core/styles/Loader.css'
import '@mantine/core/styles/Input.css'
import '@mantine/core/styles/InlineInput.css'
import '@mantine/core/styles/FloatingIndicator.css'
import '@mantine/core/styles/ActionIcon.css'
import '@mantine/core/styles/Accordion.css'
import '@mantine/core/styles/Alert.css'
import '@mantine/core/styles/Anchor.css'
import '@mantine/core/styles/Badge.css'
import '@mantine/core/styles/Button.css'
import '@mantine/core/styles/Center.css'
import '@mantine/core/styles/CheckboxIndicator.css'
import '@mantine/core/styles/Checkbox.css'
import '@mantine/core/styles/Combobox.css'
import '@mantine/core/styles/Container.css'
import '@mantine/core/styles/List.css'
import '@mantine/core/styles/NumberInput.css'
import '@mantine/core/styles/RadioIndicator.css'
import '@mantine/core/styles/Radio.css'
import '@mantine/core/styles/SegmentedControl.css'
import '@mantine/core/styles/SimpleGrid.css'
import '@mantine/core/styles/Slider.css'
import '@mantine/core/styles/Stack.css'
import '@mantine/core/styles/Table.css'
import '@mantine/core/styles/Text.css'
import '@mantine/core/styles/ThemeIcon.css'
import '@mantine/core/styles/Title.css'
import './learn.css'
import { Anchor, Group, Text } from '@mantine/core'
import { Link as RouterLink } from 'react-router'
import { PatientDisclaimer } from '../../components/patient-disclaimer'
import { PublicBrand, type PublicLink, PublicNav, PublicShell } from '../../components/public-layout'

const links: PublicLink[] = [
  { to: '/learn', label: 'About ketamine', end: true },
  { to: '/learn/self-check', label: 'Self-check', end: false },
]

/** The public pages' own light layout: no staff shell, no sign-in, the disclaimer on every page. */
export function LearnLayout() {
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
            <Anchor component={RouterLink} to="/signin" size="xs" underline="always">
              sign in
            </Anchor>
          </Text>
        </>
      }
    />
  )
}
