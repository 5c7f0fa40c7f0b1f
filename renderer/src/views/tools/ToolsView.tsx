// The tools: whether each is installed, the exact variables it gets (the key masked), and what
// can be done with it — launch it in a terminal, fill in its settings page, export, set it up
// (OpenClaw, whose endpoint lives in its config).
import { useEffect, useState } from 'react';
import { api, type CallResult, unwrap } from '../../api';
import { useListFormat, useT } from '../../i18n';
import { useStore } from '../../store';
import { CustomToolForm } from './CustomToolForm';
import { OpenClawDialog } from './OpenClawDialog';
import type { Tool } from './slice';
import { ToolSettingsDialog } from './ToolSettingsDialog';

export function ToolsView() {
  const t = useT();
  const tools = useStore((store) => store.tools);
  const loadTools = useStore((store) => store.loadTools);
  const dataRevision = useStore((store) => store.state?.dataRevision);
  const [editing, setEditing] = useState<Tool | 'new' | undefined>();
  useEffect(() => {
    void loadTools();
  }, [loadTools, dataRevision]);
  return (
    <section className="view" aria-labelledby="tools-title">
      <header className="view-header">
        <h2 id="tools-title" className="view-title">
          {t('window.tools.title')}
        </h2>
        <button type="button" onClick={() => setEditing('new')}>
          {t('window.tools.addCustom')}
        </button>
      </header>
      <p className="muted">{t('window.tools.explain')}</p>
      <div className="cards">
        {tools.map((tool) => (
          <ToolCard key={tool.id} tool={tool} onEdit={() => setEditing(tool)} />
        ))}
      </div>
      {editing && (
        <CustomToolForm
          tool={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
      )}
      <ToolSettingsDialog />
      <OpenClawDialog />
    </section>
  );
}

function ToolCard({ tool, onEdit }: { tool: Tool; onEdit(): void }) {
  const t = useT();
  const launchTool = useStore((store) => store.launchTool);
  const showToolSettings = useStore((store) => store.showToolSettings);
  const exportPostman = useStore((store) => store.exportPostman);
  const removeCustomTool = useStore((store) => store.removeCustomTool);
  const setUpOpenClaw = useStore((store) => store.setUpOpenClaw);
  const settingUp = useStore((store) => store.openClaw !== undefined);
  const listFormat = useListFormat();
  const canLaunch = tool.command !== null;
  // Built-in tools are worded in the user's language; the user's own keep their words.
  const name = t(`window.toolNames.${tool.id}`, { defaultValue: tool.name });
  const about = t(`window.toolAbout.${tool.id}`, { defaultValue: tool.description });
  const note = tool.note && t(`window.toolNotes.${tool.id}`, { defaultValue: tool.note });
  return (
    <article className="card" aria-label={name}>
      <header className="card-header">
        <h3>{name}</h3>
        <Availability tool={tool} />
      </header>
      <p className="muted">{about}</p>
      {note && <p className="muted">{note}</p>}
      {tool.available === false && tool.install && (
        <p className="muted">
          {t('window.tools.install')} <code>{tool.install}</code>
        </p>
      )}
      {tool.plans.length < 3 && (
        <p className="muted">
          {t('window.tools.plans', {
            plans: listFormat.format(tool.plans.map((plan) => t(`plans.${plan}`))),
          })}
        </p>
      )}
      {tool.variables.length > 0 && <Variables tool={tool} />}
      <div className="card-actions">
        {tool.id === 'openclaw' && (
          <button
            type="button"
            disabled={tool.available === false || settingUp}
            onClick={() => void setUpOpenClaw()}
            aria-label={t('window.openClaw.setUpNamed', { name })}
          >
            {t('window.openClaw.setUp')}
          </button>
        )}
        {canLaunch && (
          <button
            type="button"
            disabled={tool.available === false}
            onClick={() => void launchTool(tool.id)}
            aria-label={t('window.tools.launchNamed', { name })}
          >
            {t('window.tools.launch')}
          </button>
        )}
        {tool.kind === 'gui' && (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => void showToolSettings(tool.id)}
              aria-label={t('window.tools.viaGatewayNamed', { name })}
            >
              {t('window.tools.viaGateway')}
            </button>
            <button
              type="button"
              onClick={() => void showToolSettings(tool.id, false)}
              aria-label={t('window.tools.settingsNamed', { name })}
            >
              {t('window.tools.settings')}
            </button>
          </>
        )}
        {tool.kind === 'export' && (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => void exportPostman()}
              aria-label={t('window.tools.exportViaGatewayNamed', { name })}
            >
              {t('window.tools.exportViaGateway')}
            </button>
            <button
              type="button"
              onClick={() => void exportPostman(false)}
              aria-label={t('window.tools.exportNamed', { name })}
            >
              {t('window.tools.export')}
            </button>
          </>
        )}
        {tool.kind === 'custom' && (
          <>
            <button type="button" onClick={onEdit} aria-label={t('window.tools.editNamed', { name })}>
              {t('window.tools.edit')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => void removeCustomTool(tool.id)}
              aria-label={t('window.tools.removeNamed', { name })}
            >
              {t('window.tools.remove')}
            </button>
          </>
        )}
      </div>
    </article>
  );
}

function Availability({ tool }: { tool: Tool }) {
  const t = useT();
  if (tool.available === null) return null;
  return tool.available ? (
    <span className="chip chip-good">{t('window.tools.installed')}</span>
  ) : (
    <span className="chip chip-none">{t('window.tools.notInstalled')}</span>
  );
}

/** The variables with their values for the active key, asked of main when opened. */
function Variables({ tool }: { tool: Tool }) {
  const t = useT();
  const attempt = useStore((store) => store.attempt);
  const dataRevision = useStore((store) => store.state?.dataRevision);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<CallResult<'tools.variables'> | undefined>();
  useEffect(() => {
    if (open) void attempt(async () => setValues(unwrap(await api().tools.variables({ tool: tool.id }))));
  }, [open, dataRevision, tool.id, attempt]);
  return (
    <details onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('window.tools.variables', { count: tool.variables.length })}</summary>
      {values ? (
        <>
          <p className="muted">{t('window.tools.variablesFor', { label: values.label })}</p>
          <dl className="variables">
            {values.variables.map((variable) => (
              <div key={variable.name}>
                <dt>
                  <code>{variable.name}</code>
                </dt>
                <dd>
                  <code>{variable.value}</code>
                </dd>
              </div>
            ))}
          </dl>
          {values.unavailable.length > 0 && (
            <p className="muted">
              {t('window.tools.unavailable', { variables: values.unavailable.join(', ') })}
            </p>
          )}
        </>
      ) : (
        <ul className="variables">
          {tool.variables.map((name) => (
            <li key={name}>
              <code>{name}</code>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
