export { type ExportableEntry, redactJournalForExport } from './journal-export'
export { REDACTION_MARKER, type Redaction, SECRET_KINDS, type SecretKind } from './marker'
export { type RedactedText, redactDeviceText, redactLine } from './redact-text'
export { createRedactor, type Redactor, type RedactorOptions } from './redactor'
