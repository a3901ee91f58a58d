/** Starts a lab scenario for a test file (state in a temp folder) and stops it afterwards. */
import { afterAll, beforeAll } from 'vitest'
import { type Lab, startLab } from '../../src/lab'
import { makeTempDir } from './temp-dir'

export interface LabFixture {
  readonly lab: Lab
  /** A temp folder for the test's own files (a case home, say); removed afterwards. */
  readonly dir: string
}

export function labFixture(scenario: string): LabFixture {
  let lab: Lab | undefined
  let temp: ReturnType<typeof makeTempDir> | undefined
  beforeAll(async () => {
    temp = makeTempDir()
    lab = await startLab({ scenario, stateDir: temp.path })
  })
  afterAll(async () => {
    await lab?.stop()
    temp?.remove()
  })
  return {
    get lab() {
      if (!lab) throw new Error('lab not started')
      return lab
    },
    get dir() {
      if (!temp) throw new Error('lab not started')
      return temp.path
    },
  }
}
