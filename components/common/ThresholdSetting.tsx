import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { LIMITS, sendMessage } from '../../utils/protocol';

interface Props {
  /** id prefix, unique in the page. */
  id: string;
}

/** Distinct reporters that hide an image for everyone (1..20), saved on change. */
export function ThresholdSetting({ id }: Props) {
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const [status, setStatus] = useState<'idle' | 'saved' | 'invalid' | 'error'>('idle');

  useEffect(() => {
    void sendMessage({ type: 'settings.get' }).then((reply) => {
      if (reply.ok) {
        setValue(String(reply.settings.threshold));
        setSaved(reply.settings.threshold);
      } else setStatus('error');
    });
  }, []);

  const save = async () => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < LIMITS.thresholdMin || n > LIMITS.thresholdMax) {
      setStatus('invalid');
      return;
    }
    if (n === saved) return;
    const reply = await sendMessage({ type: 'settings.set', settings: { threshold: n } });
    if (reply.ok) {
      setSaved(reply.settings.threshold);
      setValue(String(reply.settings.threshold));
      setStatus('saved');
    } else setStatus('error');
  };

  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  return (
    <div class="threshold">
      <label for={id}>{t('commonThresholdLabel')}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={LIMITS.thresholdMin}
        max={LIMITS.thresholdMax}
        step={1}
        value={value}
        aria-describedby={`${hintId} ${statusId}`}
        aria-invalid={status === 'invalid' ? 'true' : undefined}
        onInput={(e) => {
          setValue(e.currentTarget.value);
          setStatus('idle');
        }}
        onChange={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
        }}
      />
      <p id={hintId} class="hint">
        {t('commonThresholdHint')}
      </p>
      <p id={statusId} class={`hint ${status === 'invalid' || status === 'error' ? 'error-text' : ''}`} role="status">
        {status === 'saved' ? t('commonSaved') : status === 'invalid' ? t('commonThresholdInvalid') : status === 'error' ? t('commonSettingsError') : ''}
      </p>
    </div>
  );
}
