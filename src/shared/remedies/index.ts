export { type InspectionPlace, inspectionPlaces } from './places'
export { type RemedySelection, selectRemedies } from './select'
export type { CliMode, CommandLine, Remedy, RemedyId, SkippedRemedy, VerificationStep } from './types'
