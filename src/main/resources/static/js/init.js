import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js'
initAll()
