/** Create or edit a device profile; passwords are not part of a profile (they are asked at connect time). */

import type { DeviceProfile } from '@shared/profiles'
import { useState } from 'react'
import { Dialog } from '../Dialog'
import { useI18n } from '../i18n'

export interface ProfileFormProps {
  /** The profile to edit; a new one when absent. */
  initial?: DeviceProfile
  onSave: (profile: DeviceProfile) => void
  onCancel: () => void
}

export function ProfileForm({ initial, onSave, onCancel }: ProfileFormProps) {
  const { t } = useI18n()
  const network = initial && initial.transport !== 'serial' ? initial : undefined
  const [transport, setTransport] = useState<DeviceProfile['transport']>(initial?.transport ?? 'ssh')
  const [name, setName] = useState(initial?.name ?? '')
  const [host, setHost] = useState(network?.host ?? '')
  const [port, setPort] = useState(network ? String(network.port) : '')
  const [username, setUsername] = useState(network?.username ?? '')
  const [legacy, setLegacy] = useState(initial?.transport === 'ssh' ? initial.legacy : false)
  const [serialPath, setSerialPath] = useState(initial?.transport === 'serial' ? initial.serial.path : '/dev/ttyUSB0')
  const [baud, setBaud] = useState(initial?.transport === 'serial' ? String(initial.serial.baudRate) : '9600')

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const id = initial?.id ?? crypto.randomUUID()
    const portNumber = port === '' ? undefined : Number(port)
    if (transport === 'serial') {
      onSave({
        id,
        name,
        transport,
        backspace: 'del',
        serial: {
          path: serialPath,
          baudRate: Number(baud),
          dataBits: 8,
          parity: 'none',
          stopBits: 1,
          flowControl: 'none',
        },
      })
    } else if (transport === 'telnet') {
      onSave({
        id,
        name,
        transport,
        host,
        port: portNumber ?? 23,
        username: username || undefined,
        backspace: 'ctrl-h',
      })
    } else {
      onSave({ id, name, transport, host, port: portNumber ?? 22, username, legacy, backspace: 'del' })
    }
  }

  return (
    <Dialog
      title={initial ? t('ui.device.editProfile', { name: initial.name }) : t('ui.device.newProfile')}
      onCancel={onCancel}
    >
      <form className="form-grid" onSubmit={submit}>
        <label>
          {t('ui.device.name')}
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('ui.device.transport')}
          <select value={transport} onChange={(e) => setTransport(e.target.value as DeviceProfile['transport'])}>
            <option value="ssh">SSH</option>
            <option value="telnet">Telnet</option>
            <option value="serial">{t('ui.device.serial')}</option>
          </select>
        </label>
        {transport === 'serial' ? (
          <>
            <label>
              {t('ui.device.serialPath')}
              <input required value={serialPath} onChange={(e) => setSerialPath(e.target.value)} />
            </label>
            <label>
              {t('ui.device.baud')}
              <input
                required
                inputMode="numeric"
                pattern="[0-9]+"
                value={baud}
                onChange={(e) => setBaud(e.target.value)}
              />
            </label>
          </>
        ) : (
          <>
            <label>
              {t('ui.device.host')}
              <input required value={host} onChange={(e) => setHost(e.target.value)} />
            </label>
            <label>
              {t('ui.device.port')}
              <input
                inputMode="numeric"
                pattern="[0-9]*"
                placeholder={transport === 'ssh' ? '22' : '23'}
                value={port}
                onChange={(e) => setPort(e.target.value)}
              />
            </label>
            <label>
              {t('ui.device.username')}
              <input required={transport === 'ssh'} value={username} onChange={(e) => setUsername(e.target.value)} />
            </label>
          </>
        )}
        {transport === 'ssh' && (
          <label className="checkbox">
            <input type="checkbox" checked={legacy} onChange={(e) => setLegacy(e.target.checked)} />
            {t('ui.device.legacy')}
          </label>
        )}
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('ui.cancel')}
          </button>
          <button type="submit">{t('ui.save')}</button>
        </div>
      </form>
    </Dialog>
  )
}
