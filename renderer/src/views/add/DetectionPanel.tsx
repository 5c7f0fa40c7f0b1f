// Where the key works, asked live: progress with Cancel, then "Works in Singapore", or every
// place's answer when none accepts it.
import { StatusChip } from '../../components/StatusChip';
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';

export function DetectionPanel() {
  const t = useT();
  const detecting = useStore((store) => store.detecting);
  const detection = useStore((store) => store.detection);
  const cancelDetect = useStore((store) => store.cancelDetect);
  const detect = useStore((store) => store.detect);
  if (detecting) {
    return (
      <div className="detect" role="status">
        <progress
          max={Math.max(detecting.total, 1)}
          value={detecting.done}
          aria-label={t('window.add.detecting')}
        />
        <span>{t('window.add.asking', { done: detecting.done, total: detecting.total })}</span>
        <button type="button" onClick={cancelDetect}>
          {t('window.common.cancel')}
        </button>
      </div>
    );
  }
  if (!detection) {
    return (
      <div className="detect">
        <p className="muted">{t('window.add.notDetected')}</p>
        <button type="button" onClick={() => void detect()}>
          {t('window.add.detect')}
        </button>
      </div>
    );
  }
  if (detection.owner) {
    return (
      <div className="detect detect-found" role="status">
        <p>
          {t('window.add.worksIn', {
            region: regionName(detection.owner.regionId, t),
            plan: t(`plans.${detection.owner.plan}`),
          })}
        </p>
        {detection.owner.detail && <p className="muted">{detection.owner.detail}</p>}
      </div>
    );
  }
  return (
    <div className="detect detect-none" role="status">
      <p>{t('window.add.noOwner')}</p>
      {detection.message && <p className="muted">{detection.message}</p>}
      <ul className="answers" aria-label={t('window.add.answers')}>
        {detection.answers.map((answer) => (
          <li key={`${answer.regionId}/${answer.plan}`}>
            <span>
              {regionName(answer.regionId, t)} · {t(`plans.${answer.plan}`)}
            </span>
            <StatusChip status={answer.status} />
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void detect()}>
        {t('window.add.detectAgain')}
      </button>
    </div>
  );
}
