/**
 * Reads a dropped capture off the window's thread: a 100 MB pcap takes seconds to reassemble (scripts/bench
 * capture.bench.ts), during which the panel stays responsive. Receives a copy of the file's bytes and answers
 * with the record or the refusal (judge-capture.ts); only that small answer is copied back.
 */
import { type JudgeRequest, judgeBytes } from './judge-capture'

self.onmessage = (event: MessageEvent<{ bytes: Uint8Array; request: JudgeRequest }>) => {
  const { bytes, request } = event.data
  self.postMessage(judgeBytes(bytes, request))
}
