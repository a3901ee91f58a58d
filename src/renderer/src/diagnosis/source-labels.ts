/** Human names for evidence sources: "Probe through the firewall" instead of `probe:firewall` (issue 18, point 3). */
import type { Translate } from '@shared/i18n'
import { useI18n } from '../i18n'

export function sourceLabel(source: string, t: Translate): string {
  const probe = /^probe:(.+?)( \(\d+\))?$/.exec(source)
  if (probe) {
    const vantage = probe[1]!
    if (vantage === 'direct' || vantage === 'firewall') return t(`ui.sources.probe.${vantage}`)
    return t('ui.sources.probe.other', { target: vantage })
  }
  const device = /^device:(.+)$/.exec(source)
  if (device) return t('ui.sources.device', { name: device[1] })
  return source
}

export function useSourceLabel(): (source: string) => string {
  const { t } = useI18n()
  return (source) => sourceLabel(source, t)
}
