/** The case journal's event union (events.ts) and the data schemas behind it (schemas.ts, fix-schemas.ts). */
export * from './events'
export * from './fix-schemas'
export * from './mail-policy-schema'
export * from './schemas'
