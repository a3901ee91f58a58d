export { buildInspectionModel, interfacesStillGlobal, maskingApplications } from './build'
export { classPorts, coversPort } from './ports'
export * from './types'
