// The user's own tool: a name, the command that starts it, and its variables as NAME=template
// lines ({apiKey}, {baseUrl}, … as in msk tools add). Main checks it (a key anywhere in it, or
// {apiKey} in its command, is refused) and says what is wrong; nothing is saved until it is right.
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import type { Tool } from './slice';

export function CustomToolForm({ tool, onClose }: { tool: Tool | undefined; onClose(): void }) {
  const t = useT();
  const saveCustomTool = useStore((store) => store.saveCustomTool);
  const [id, setId] = useState(tool?.id ?? '');
  const [name, setName] = useState(tool?.name ?? '');
  const [command, setCommand] = useState(tool?.command?.join(' ') ?? '');
  const [variables, setVariables] = useState(
    tool?.templates
      ? Object.entries(tool.templates)
          .map(([variable, template]) => `${variable}=${template}`)
          .join('\n')
      : 'OPENAI_API_KEY={{apiKey}}\nOPENAI_BASE_URL={{baseUrl}}',
  );
  const [problem, setProblem] = useState<string | undefined>();
  const [placeholders, setPlaceholders] = useState<string[]>([]);
  useEffect(() => {
    void api()
      .tools.placeholders()
      .then((result) => result.ok && setPlaceholders(result.value));
  }, []);

  const submit = async () => {
    const parsed: Record<string, string> = {};
    for (const line of variables
      .split('\n')
      .map((text) => text.trim())
      .filter(Boolean)) {
      const at = line.indexOf('=');
      if (at <= 0) return setProblem(t('window.tools.badLine', { line }));
      parsed[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    const words = command.trim().split(/\s+/).filter(Boolean);
    const saved = await saveCustomTool({
      id: id.trim(),
      name: name.trim(),
      // No command: the tool is used with `msk exec --tool <id> -- <command>`.
      ...(words.length > 0 && { command: words }),
      variables: parsed,
      replace: tool !== undefined,
    });
    if (saved) onClose();
  };
  return (
    <Dialog
      title={tool ? t('window.tools.editTitle', { name: tool.name }) : t('window.tools.addTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submit={{ label: t('window.common.save'), disabled: !id.trim() || !name.trim() }}
    >
      <label className="field">
        <span>{t('window.tools.id')}</span>
        <input
          value={id}
          maxLength={64}
          disabled={tool !== undefined}
          onChange={(event) => setId(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('window.tools.name')}</span>
        <input value={name} maxLength={100} onChange={(event) => setName(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('window.tools.command')}</span>
        <input value={command} onChange={(event) => setCommand(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('window.tools.variableLines')}</span>
        <textarea
          rows={4}
          value={variables}
          onChange={(event) => setVariables(event.target.value)}
          spellCheck={false}
        />
      </label>
      {placeholders.length > 0 && (
        <p className="muted">
          {t('window.tools.placeholders', {
            placeholders: placeholders.map((name) => `{{${name}}}`).join(' '),
          })}
        </p>
      )}
      {problem && (
        <p className="warning" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
