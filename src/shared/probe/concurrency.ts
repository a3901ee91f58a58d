/**
 * How many probes run at once by default. Its own module so that `unmask probe`'s option declaration can name it
 * without loading the probe itself (node:tls, node:net, node:dns) at start-up (issue 16).
 */
export const DEFAULT_CONCURRENCY = 8
