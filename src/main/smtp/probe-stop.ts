import type { ProbeError } from '../../shared/probe/types'

/** Thrown inside a probe run to end it; `probe()` catches it and reports `error` in the result. */
export class ProbeStop extends Error {
  constructor(readonly error: ProbeError) {
    super(error.message)
  }
}
