// All of Mantine's styles, for the staff app and the portal (app.tsx loads this module with their
// routes). The public /learn pages import only the component styles they use (learn-layout.tsx),
// so a visitor's phone downloads a fraction of the CSS. All of Mantine's styles sit in its `mantine`
// CSS layer, so our own stylesheets win over them whichever chunk's CSS arrives first.
import '@mantine/core/styles.layer.css'
import '@mantine/dates/styles.layer.css'
import '@mantine/charts/styles.layer.css'
import '@mantine/notifications/styles.layer.css'
