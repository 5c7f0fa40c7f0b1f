// The files where Model Studio keys are known to lie, per platform, and how each is read. A file
// the user names is read by the kind its name suggests.
import path from 'node:path';

/**
 * How a file is read and cleaned: shell start-up files, fish and PowerShell profiles and .env
 * files line by line; JSON structurally; the DashScope SDK's key file is the key itself.
 */
export type FileKind = 'shell' | 'fish' | 'powershell' | 'dotenv' | 'json' | 'key-file';

export interface Place {
  file: string;
  kind: FileKind;
  /** The label an imported key is offered, before it is made unique. */
  labelStem: string;
}

export function knownPlaces(home: string, platform: NodeJS.Platform): Place[] {
  const at = (kind: FileKind, labelStem: string, ...parts: string[]): Place => ({
    file: path.join(home, ...parts),
    kind,
    labelStem,
  });
  const powershell =
    platform === 'win32'
      ? [
          at(
            'powershell',
            'powershell-profile',
            'Documents',
            'PowerShell',
            'Microsoft.PowerShell_profile.ps1',
          ),
          at(
            'powershell',
            'windows-powershell-profile',
            'Documents',
            'WindowsPowerShell',
            'Microsoft.PowerShell_profile.ps1',
          ),
        ]
      : [at('powershell', 'powershell-profile', '.config', 'powershell', 'Microsoft.PowerShell_profile.ps1')];
  return [
    at('shell', 'bashrc', '.bashrc'),
    at('shell', 'bash-profile', '.bash_profile'),
    at('shell', 'profile', '.profile'),
    at('shell', 'zshrc', '.zshrc'),
    at('shell', 'zshenv', '.zshenv'),
    // macOS login shells read .zprofile; keys pasted from install guides land there too.
    at('shell', 'zprofile', '.zprofile'),
    at('fish', 'fish-config', '.config', 'fish', 'config.fish'),
    ...powershell,
    at('key-file', 'dashscope-api-key', '.dashscope', 'api_key'),
    at('dotenv', 'home-env', '.env'),
    at('dotenv', 'qwen-env', '.qwen', '.env'),
    at('json', 'qwen-settings', '.qwen', 'settings.json'),
    at('json', 'claude-settings', '.claude', 'settings.json'),
    at('dotenv', 'openclaw-env', '.openclaw', '.env'),
    at('json', 'openclaw', '.openclaw', 'openclaw.json'),
  ];
}

/** A file the user named: its kind from its name, its label from its directory and name. */
export function namedPlace(file: string): Place {
  const name = path.basename(file);
  const directory = path.basename(path.dirname(file));
  const kind: FileKind = name.endsWith('.json')
    ? 'json'
    : name.endsWith('.fish')
      ? 'fish'
      : name.endsWith('.ps1')
        ? 'powershell'
        : name === 'api_key' && directory === '.dashscope'
          ? 'key-file'
          : isDotenvName(name)
            ? 'dotenv'
            : 'shell';
  const stem = slug(kind === 'dotenv' || name === '.envrc' ? `${directory}-${name}` : name);
  return { file, kind, labelStem: stem || 'imported' };
}

/** `.env`, `.env.local`, `.env.production`…; also `production.env`. */
export const isDotenvName = (name: string): boolean =>
  name === '.env' || name.startsWith('.env.') || name.endsWith('.env');

/** What a project directory is searched for: dotenv files, and direnv's `.envrc` (a shell script). */
export const isProjectEnvName = (name: string): boolean => isDotenvName(name) || name === '.envrc';

/** `my project/.env.local` → `my-project-env-local`: letters, digits and dashes, at most 48. */
const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
