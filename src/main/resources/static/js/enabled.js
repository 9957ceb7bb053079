// Tells GOV.UK Frontend's styles that JavaScript runs (a file, not inline, so the pages' CSP can forbid inline scripts).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
