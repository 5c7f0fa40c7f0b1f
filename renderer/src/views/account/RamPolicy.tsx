// The least RAM policy a connected AccessKey's user needs, printed whole with a copy button: the
// window recommends a RAM user with only this, never the main account's AccessKey.
import { CopyText } from '../../components/CopyText';
import { useT } from '../../i18n';
import { useStore } from '../../store';

export function RamPolicy() {
  const t = useT();
  const policy = useStore((store) => store.accountPolicy);
  return (
    <section aria-labelledby="policy-title">
      <h3 id="policy-title" className="section-title">
        {t('window.account.policyTitle')}
      </h3>
      <p>{t('window.account.ramAdvice')}</p>
      <p className="muted">{t('window.account.policyHelp')}</p>
      {policy !== undefined && <CopyText value={policy} label={t('window.account.policyName')} block />}
    </section>
  );
}
