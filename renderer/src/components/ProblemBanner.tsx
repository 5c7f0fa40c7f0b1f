// What is wrong with the data file or the keychain, with what to do about it, until main says it
// is fixed — never a blank window or raw JSON.
import { errorMessage, useT } from '../i18n';
import { useStore } from '../store';

export function ProblemBanner() {
  const t = useT();
  const problem = useStore((store) => store.state?.problem);
  const retry = useStore((store) => store.retry);
  const repair = useStore((store) => store.repair);
  if (!problem) return null;
  const fix = t(`window.problem.fix.${problem.code}`);
  return (
    <div className="banner banner-problem" role="alert" data-code={problem.code}>
      <div>
        <strong>{t('window.problem.title')}</strong>
        <p>{errorMessage(problem, t)}</p>
        {fix !== `window.problem.fix.${problem.code}` && <p>{fix}</p>}
      </div>
      <div className="banner-actions">
        {problem.code === 'config-damaged' && (
          <button type="button" className="primary" onClick={() => void repair()}>
            {t('window.problem.repair')}
          </button>
        )}
        <button type="button" onClick={() => void retry()}>
          {problem.code === 'keychain-locked' ? t('window.problem.unlockRetry') : t('window.problem.retry')}
        </button>
      </div>
    </div>
  );
}
