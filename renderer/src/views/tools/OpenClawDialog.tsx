// Set Up OpenClaw: its onboarding runs in main (10–40 s, cancellable: the config is then left as it
// was), then the key's base URL goes into its config. Shown at the end: the key, the provider and
// base URL, the change (keys masked in main), the file and its backup; or why not, in words to act on.
import type { ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import { DiffLines } from '../../components/DiffLines';
import { Working } from '../../components/Working';
import { errorMessage, useT } from '../../i18n';
import { useStore } from '../../store';
import type { IpcError } from '../../api';
import type { OpenClawSetup } from './slice';

export function OpenClawDialog() {
  const t = useT();
  const dialog = useStore((store) => store.openClaw);
  const close = useStore((store) => store.closeOpenClaw);
  const setUpOpenClaw = useStore((store) => store.setUpOpenClaw);
  if (!dialog) return null;
  return (
    <Dialog
      title={t('window.openClaw.title')}
      onClose={close}
      actions={
        dialog.phase === 'running' ? (
          <Working
            label={
              dialog.step
                ? t(`window.openClaw.steps.${dialog.step.step}`, { label: dialog.step.label })
                : t('window.openClaw.starting')
            }
            onCancel={close}
            autoFocus
          />
        ) : dialog.phase === 'failed' ? (
          <>
            <button type="button" onClick={close}>
              {t('window.openClaw.close')}
            </button>
            <button type="button" className="primary" autoFocus onClick={() => void setUpOpenClaw()}>
              {t('window.openClaw.tryAgain')}
            </button>
          </>
        ) : (
          <button type="button" className="primary" autoFocus onClick={close}>
            {t('window.common.done')}
          </button>
        )
      }
    >
      {dialog.phase === 'running' && <p>{t('window.openClaw.explain')}</p>}
      {dialog.phase === 'done' && <SetUp setup={dialog.setup} />}
      {dialog.phase === 'failed' && <Failure error={dialog.error} />}
    </Dialog>
  );
}

function SetUp({ setup }: { setup: OpenClawSetup }) {
  const t = useT();
  return (
    <>
      <p className="notice" role="status">
        {t(setup.changed ? 'window.openClaw.done' : 'window.openClaw.unchanged', { label: setup.label })}
      </p>
      <dl className="fields">
        <Row label={t('window.openClaw.key')}>{setup.label}</Row>
        <Row label={t('window.openClaw.provider')}>
          <code>{setup.provider}</code>
        </Row>
        <Row label={t('window.openClaw.baseUrl')}>
          <code>{setup.baseUrl}</code>
        </Row>
        <Row label={t('window.openClaw.file')}>
          <code>{setup.file}</code>
        </Row>
        {setup.changed && (
          <Row label={t('window.openClaw.backup')}>
            {setup.backup === null ? t('window.openClaw.noBackup') : <code>{setup.backup}</code>}
          </Row>
        )}
      </dl>
      {setup.diff.length > 0 && <DiffLines lines={setup.diff} label={t('window.openClaw.change')} />}
      <p className="muted">{t('window.openClaw.byReference')}</p>
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Params of a failure worth showing as they are (a command, a path, OpenClaw's own words): in code, after the sentence. */
const DETAILS = ['install', 'output', 'where', 'file'] as const;

/** Why the setup stopped: OpenClaw's own failures in words of their own (by reason, else code), any other as every view words it. */
function Failure({ error }: { error: IpcError }) {
  const t = useT();
  const params = error.params ?? {};
  const why = typeof params.reason === 'string' ? params.reason : error.code;
  const key = `window.openClaw.failures.${why}`;
  const worded = t(key, { ...params });
  const details = DETAILS.flatMap((name) => {
    const value = params[name];
    return typeof value === 'string' && value !== '' ? [value] : [];
  });
  return (
    <div role="alert">
      <p className="field-error">{worded === key ? errorMessage(error, t) : worded}</p>
      {worded !== key &&
        details.map((detail) => (
          <pre key={detail} className="diff">
            <code>{detail}</code>
          </pre>
        ))}
    </div>
  );
}
