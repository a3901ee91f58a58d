/**
 * The journal entries the report understands, read with the journal's own schemas (src/shared/journal/schemas.ts).
 * Each schema is lenient: extra fields are ignored and older shapes are accepted; a mismatch is not an error, the
 * entry goes to the appendix as "other".
 */

export { fixAppliedData, fixSavedData, fixUndoneData, fixVerifiedData } from '../journal/fix-schemas'
export {
  type CauseData,
  caseCreatedData,
  type DiagnosisData,
  deviceCommandData,
  deviceEvidenceData,
  deviceIdentifiedData,
  deviceOutputData,
  diagnosisResultData,
  evidenceAddedData,
  type FactsData,
  type FindingData,
  type ProbeResultData,
  probeComparisonData,
  probeResultData,
  redactionMarkData,
} from '../journal/schemas'
