/** The fix results are shared with the renderer's fix dialog: they live in src/shared/fix/types.ts. */
export type * from '../../shared/fix/types'
