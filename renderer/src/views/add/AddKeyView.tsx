// Add key: paste → checked at once → where it works, asked live (cancellable) → workspace and
// label → save. The pasted text is in this component only until main has it; the field is then
// emptied, and every later step speaks of the key by main's token.
import { useEffect, useState } from 'react';
import { errorMessage, useT } from '../../i18n';
import { useStore } from '../../store';
import { KeyDetails } from './KeyDetails';
import { DetectionPanel } from './DetectionPanel';

export function AddKeyView() {
  const t = useT();
  const inspection = useStore((store) => store.inspection);
  const inspectError = useStore((store) => store.inspectError);
  const inspect = useStore((store) => store.inspect);
  const detect = useStore((store) => store.detect);
  const resetAdd = useStore((store) => store.resetAdd);
  const go = useStore((store) => store.go);
  const setFilter = useStore((store) => store.setFilter);
  const [pasted, setPasted] = useState('');

  // Leaving the view leaves the flow: main forgets the secret.
  useEffect(() => () => useStore.getState().resetAdd(), []);

  const submit = async (text: string) => {
    if (text.trim() === '') return;
    const ok = await inspect(text);
    setPasted('');
    if (ok && !useStore.getState().inspection?.duplicate) void detect();
  };

  return (
    <section className="view add-view" aria-labelledby="add-title">
      <h2 id="add-title" className="view-title">
        {t('window.add.title')}
      </h2>
      {!inspection ? (
        <form
          className="paste-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit(pasted);
          }}
        >
          <label className="field">
            <span>{t('window.add.paste')}</span>
            <input
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={pasted}
              placeholder={t('window.add.placeholder')}
              aria-describedby="paste-help"
              aria-invalid={inspectError !== undefined}
              onChange={(event) => setPasted(event.target.value)}
              onPaste={(event) => {
                // A paste is checked at once: no need to press anything.
                event.preventDefault();
                void submit(event.clipboardData.getData('text'));
              }}
            />
          </label>
          <p id="paste-help" className="muted">
            {t('window.add.pasteHelp')}
          </p>
          {inspectError && (
            <p className="field-error" role="alert">
              {t(`window.add.refused.${inspectError.code === 'temporary-key' ? 'temporary' : 'format'}`)}{' '}
              {errorMessage(inspectError, t)}
            </p>
          )}
          <button type="submit" className="primary" disabled={pasted.trim() === ''}>
            {t('window.add.continue')}
          </button>
        </form>
      ) : (
        <>
          <div className="inspected">
            <code>{inspection.masked}</code>
            <span className="muted">{t(`window.add.shape.${inspection.shape}`)}</span>
            <button type="button" className="link-button" onClick={resetAdd}>
              {t('window.add.other')}
            </button>
          </div>
          {inspection.notices.map((notice) => (
            <p key={notice.code} className="notice">
              {t(`window.add.notice.${notice.code}`, {
                message: notice.message,
                defaultValue: notice.message,
              })}
            </p>
          ))}
          {inspection.duplicate ? (
            <div className="warning" role="alert">
              <p>{t('window.add.duplicate', { label: inspection.duplicate.label })}</p>
              <button
                type="button"
                onClick={() => {
                  const label = inspection.duplicate?.label ?? '';
                  resetAdd();
                  setFilter({ text: label, regionId: '', workspaceId: '', status: '' });
                  go('keys');
                }}
              >
                {t('window.add.showDuplicate')}
              </button>
            </div>
          ) : (
            <>
              <DetectionPanel />
              <KeyDetails />
            </>
          )}
        </>
      )}
    </section>
  );
}
