// Texts for the findings namespace; keep keys identical in en and ko (tests/shared/i18n checks).
export const findings = {}
