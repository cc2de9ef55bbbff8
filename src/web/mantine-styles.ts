// All of Mantine's styles, for the staff app and the portal (app.tsx loads this module with their
// routes). The public /learn pages import only the component styles they use (learn-layout.tsx),
// so a visitor's phone downloads a fraction of the CSS.
import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/charts/styles.css'
import '@mantine/notifications/styles.css'
