/**
 * What the panes share about the job in progress: the case's engineer, and the change clock. `epoch` counts the
 * configuration changes made from the app (evidence gathered before the latest one is "before"); `rerun` counts
 * finished verifications, after which the evidence script and the probes run again by themselves (issue 18, point 1).
 */
import { createContext, useContext } from 'react'

export interface Job {
  engineer?: string
  /** The device profile of the terminal session in view: the fix dialog starts on it. */
  profileId?: string
  /** Profiles whose password the keychain holds (remembered at connect in this run): nobody asks for it again. */
  remembered: ReadonlySet<string>
  rememberProfile: (profileId: string) => void
  epoch: number
  rerun: number
  fixChanged: (kind: 'apply' | 'undo') => void
  fixVerified: () => void
}

export const JobContext = createContext<Job>({
  epoch: 0,
  rerun: 0,
  remembered: new Set(),
  rememberProfile: () => {},
  fixChanged: () => {},
  fixVerified: () => {},
})
export const useJob = () => useContext(JobContext)
