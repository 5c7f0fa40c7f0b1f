// Written by `npm run docs:cli` from the commands (main/cli/msk.ts): edit those, not this file.
// What `msk __complete` knows of the commands without loading commander (complete-words.ts).
import { type CompletionCommand, lazyCommand } from './complete-words.js';

// JSON: V8 parses it faster than it runs object literals this size (every TAB starts msk), and
// each top-level command only once a TAB looks into it (lazyCommand).
export const COMMAND_TREE: CompletionCommand = {
  ...(JSON.parse(
    '{"name":"msk","aliases":[],"description":"Alibaba Cloud Model Studio API keys from your OS keychain, for every tool","options":[{"flags":["-V","--version"],"description":"output the version number"}],"operands":[],"variadic":false}',
  ) as Omit<CompletionCommand, 'commands'>),
  commands: [
    lazyCommand(
      'add',
      [],
      '{"name":"add","aliases":[],"description":"store a key: it is read from stdin when piped, else from a hidden prompt (never from arguments)","options":[{"flags":["-l","--label"],"description":"a name for the key, unique among your keys","value":"text"},{"flags":["-r","--region"],"description":"the region the key was created in (sg, us, cn, hk, jp, de or a region id); detected when left out","value":"region"},{"flags":["-p","--plan"],"description":"the key\'s billing plan: payg, coding or token (default: pay-as-you-go for sk-, asked of Model Studio for sk-sp-)","value":"plan"},{"flags":["-w","--workspace"],"description":"the key\'s workspace: \'default\' or llm-… (required in Tokyo and Frankfurt)","value":"text"},{"flags":["-a","--account"],"description":"the owner account id (digits)","value":"text"},{"flags":["--ram-user"],"description":"the RAM user who created the key","value":"text"},{"flags":["--json"],"description":"print the stored key as JSON (its new id included)"}],"operands":[],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'list',
      ['ls'],
      '{"name":"list","aliases":["ls"],"description":"list stored keys (metadata only: no secret is read)","options":[{"flags":["--json"],"description":"print a JSON array"}],"operands":[],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'remove',
      ['rm'],
      '{"name":"remove","aliases":["rm"],"description":"delete a key from the keychain and the list","options":[{"flags":["-y","--yes"],"description":"do not ask for confirmation"}],"operands":["key"],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'rename',
      [],
      '{"name":"rename","aliases":[],"description":"give a key a new label","options":[],"operands":["key","text"],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'use',
      [],
      '{"name":"use","aliases":[],"description":"make a key the active one of its region, and its region the active region","options":[],"operands":["key"],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'region',
      [],
      '{"name":"region","aliases":[],"description":"print the active region, or set it","options":[],"operands":["region"],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'regions',
      [],
      '{"name":"regions","aliases":[],"description":"list the regions, their aliases, plans and OpenAI-compatible base URLs","options":[{"flags":["--all"],"description":"every endpoint: shared, workspace and trial domains, Coding Plan and Token Plan"},{"flags":["--json"],"description":"print every endpoint as JSON"}],"operands":[],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'copy',
      [],
      '{"name":"copy","aliases":[],"description":"copy a key to the clipboard (cleared after the configured time if unchanged)","options":[{"flags":["-k","--key"],"description":"label or id (default: .msk.json here or above, else the active key)","value":"key"},{"flags":["--print"],"description":"write the key to stdout instead"}],"operands":["key"],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'temp-key',
      [],
      '{"name":"temp-key","aliases":[],"description":"mint a temporary key (st-…) from a key and copy it, or print it; it cannot be revoked, only expire","options":[{"flags":["-k","--key"],"description":"label or id (default: .msk.json here or above, else the active key)","value":"key"},{"flags":["--ttl"],"description":"how long it lives: 1 to 1800 seconds","value":"text"},{"flags":["--print"],"description":"write it to stdout instead"},{"flags":["--json"],"description":"print {token, expiresAt, ttlSeconds, keyId, label} instead of copying"}],"operands":["key"],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'check',
      [],
      '{"name":"check","aliases":[],"description":"check that keys work: tells an invalid key from a wrong region, a Coding Plan key, a workspace or quota refusal","options":[{"flags":["-k","--key"],"description":"label or id (default: .msk.json here or above, else the active key)","value":"key"},{"flags":["--all"],"description":"check every stored key"},{"flags":["--json"],"description":"print a JSON array"},{"flags":["--concurrency"],"description":"requests at once with --all (rate limits are per account)","value":"text"},{"flags":["--timeout"],"description":"how long to wait for an answer (default: the setting, 10 s)","value":"text"}],"operands":["key"],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'detect',
      [],
      '{"name":"detect","aliases":[],"description":"read a key from stdin (or a hidden prompt) and print the region it belongs to","options":[{"flags":["-p","--plan"],"description":"ask only where this plan has endpoints: payg, coding or token","value":"plan"},{"flags":["-r","--region"],"description":"ask only this region","value":"region"},{"flags":["-w","--workspace"],"description":"the key\'s workspace id (llm-…): lets Tokyo and Frankfurt be asked too","value":"text"},{"flags":["--json"],"description":"print {regionId, plan, status, message, detail}"}],"operands":[],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'move',
      [],
      '{"name":"move","aliases":[],"description":"move a key to the region (and plan) it belongs to, after a wrong-region or wrong-plan check","options":[{"flags":["-p","--plan"],"description":"also change its plan: payg, coding or token","value":"plan"},{"flags":["-w","--workspace"],"description":"also set its workspace: \'default\' or llm-… (Tokyo and Frankfurt need one)","value":"text"}],"operands":["key","region"],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'env',
      [],
      '{"name":"env","aliases":[],"description":"print a key\'s environment for a shell to evaluate, e.g. eval \\"$(msk env)\\"","options":[{"flags":["-k","--key"],"description":"label or id (default: .msk.json here or above, else the active key)","value":"key"},{"flags":["-t","--tool"],"description":"tool preset: default, openai, dashscope, qwen-code, claude-code, … (\'msk tools\' lists them)","value":"tool"},{"flags":["-m","--model"],"description":"the model the tool\'s variables name (default: the tool\'s)","value":"text"},{"flags":["-s","--shell"],"description":"bash, zsh, fish, tcsh, powershell (pwsh), cmd, dotenv or json (default: your shell)","value":"shell"}],"operands":[],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'exec',
      [],
      '{"name":"exec","aliases":[],"description":"run a command with a key\'s environment; stale OPENAI_*, ANTHROPIC_*, DASHSCOPE_*, QWEN_*, MODELSTUDIO_*, BAILIAN_* variables are removed","options":[{"flags":["-k","--key"],"description":"label or id (default: .msk.json here or above, else the active key)","value":"key"},{"flags":["-t","--tool"],"description":"tool preset: default, openai, dashscope, qwen-code, claude-code, … (\'msk tools\' lists them)","value":"tool"},{"flags":["-m","--model"],"description":"the model the tool\'s variables name (default: the tool\'s)","value":"text"}],"operands":["text","text"],"variadic":true,"commands":[]}',
    ),
    lazyCommand(
      'tools',
      [],
      '{"name":"tools","aliases":[],"description":"list the tools msk can set up, with what each gets and whether it is installed","options":[{"flags":["--json"],"description":"print a JSON array"}],"operands":[],"variadic":false,"commands":[{"name":"settings","aliases":[],"description":"the fields a GUI tool\'s settings page asks for, filled in for a key; the key is copied","options":[{"flags":["-k","--key"],"description":"label or id (default: .msk.json here or above, else the active key)","value":"key"},{"flags":["--print"],"description":"show the key in the text instead of copying it"},{"flags":["--gateway"],"description":"the local gateway and the tool\'s token (kept in the keychain to copy again) instead of the key (msk gateway run)"}],"operands":["tool"],"variadic":false,"commands":[]},{"name":"setup","aliases":[],"description":"set a tool up for a key where no variable can: OpenClaw\'s endpoint written into its config (a diff shown, a backup kept), the key onboarded by reference to the variable msk sets","options":[{"flags":["-k","--key"],"description":"label or id (default: .msk.json here or above, else the active key)","value":"key"},{"flags":["--dry-run"],"description":"show the change to its config and the onboarding, and do neither"},{"flags":["--no-onboard"],"description":"only write the endpoint into its config (OpenClaw\'s onboarding done already)"}],"operands":["tool"],"variadic":false,"commands":[]},{"name":"export","aliases":[],"description":"export a Postman environment file for a key (mode 0600)","options":[{"flags":["-o","--out"],"description":"where to write it","value":"text"},{"flags":["-k","--key"],"description":"label or id (default: .msk.json here or above, else the active key)","value":"key"},{"flags":["--force"],"description":"replace the file if it exists"},{"flags":["--gateway"],"description":"a new gateway token and the local gateway in the file instead of the key"}],"operands":["text"],"variadic":false,"commands":[]},{"name":"add","aliases":[],"description":"add a tool of your own: its variables as templates ({{apiKey}} {{baseUrl}} {{model}} …)","options":[{"flags":["-n","--name"],"description":"what it is called (default: the id)","value":"text"},{"flags":["-c","--command"],"description":"what starts it, e.g. \\"mytool --verbose\\"","value":"text"},{"flags":["-b","--base"],"description":"start from a built-in preset’s variables","value":"tool"},{"flags":["--var"],"description":"a variable (repeatable)","value":"text"}],"operands":["text"],"variadic":false,"commands":[]},{"name":"remove","aliases":[],"description":"remove a tool of your own","options":[],"operands":["text"],"variadic":false,"commands":[]}]}',
    ),
    lazyCommand(
      'launch',
      [],
      '{"name":"launch","aliases":[],"description":"open a terminal running a tool with its environment (the key is read inside, never on a command line)","options":[{"flags":["-k","--key"],"description":"label or id (default: .msk.json here or above, else the active key)","value":"key"},{"flags":["-m","--model"],"description":"the model the tool gets","value":"text"},{"flags":["-T","--terminal"],"description":"which terminal (default: the setting, else detected)","value":"terminal"},{"flags":["-C","--cwd"],"description":"the folder the window opens in (default: here)","value":"text"},{"flags":["--dry-run"],"description":"print the terminal\'s argv as JSON and start nothing"}],"operands":["tool","text"],"variadic":true,"commands":[]}',
    ),
    lazyCommand(
      'bind',
      [],
      '{"name":"bind","aliases":[],"description":"use this key in this folder and below (writes .msk.json: the label, never the key)","options":[{"flags":["-t","--tool"],"description":"the tool msk exec, env and launch use here","value":"tool"},{"flags":["-m","--model"],"description":"the model the tool gets here","value":"text"}],"operands":["key"],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'unbind',
      [],
      '{"name":"unbind","aliases":[],"description":"remove this folder’s .msk.json","options":[],"operands":[],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'status',
      [],
      '{"name":"status","aliases":[],"description":"which key, tool and model a command here would use, and why","options":[{"flags":["-t","--tool"],"description":"for this tool","value":"tool"},{"flags":["--json"],"description":"print JSON"}],"operands":[],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'gateway',
      [],
      '{"name":"gateway","aliases":[],"description":"a local gateway for GUI tools: each gets a token of its own, the key stays in the keychain","options":[],"operands":[],"variadic":false,"commands":[{"name":"run","aliases":[],"description":"run the gateway in the foreground on 127.0.0.1 (Ctrl-C stops it)","options":[{"flags":["-p","--port"],"description":"the port (default: the one in settings, else 11480)","value":"text"}],"operands":[],"variadic":false,"commands":[]},{"name":"token","aliases":[],"description":"the tools\' tokens for the gateway","options":[],"operands":[],"variadic":false,"commands":[{"name":"add","aliases":[],"description":"make a token for a tool; it is printed once and kept only as a hash","options":[{"flags":["-k","--key"],"description":"the keys it uses, in failover order (default: the active key)","value":"key"},{"flags":["-m","--model"],"description":"the model every request through it uses","value":"text"},{"flags":["--rpm"],"description":"the requests a minute it may make","value":"text"},{"flags":["--json"],"description":"print {name, token, baseUrl, keyIds, model, requestsPerMinute}"}],"operands":["text"],"variadic":false,"commands":[]},{"name":"list","aliases":[],"description":"the tokens: their tool, keys, model and last use (never the token)","options":[{"flags":["--json"],"description":"print a JSON array"}],"operands":[],"variadic":false,"commands":[]},{"name":"revoke","aliases":[],"description":"revoke a token: the gateway refuses it from its next request","options":[],"operands":["token"],"variadic":false,"commands":[]},{"name":"help","aliases":[],"description":"display help for command","options":[],"noHelpOption":true,"operands":["text"],"variadic":false,"commands":[]}]},{"name":"help","aliases":[],"description":"display help for command","options":[],"noHelpOption":true,"operands":["text"],"variadic":false,"commands":[]}]}',
    ),
    lazyCommand(
      'usage',
      [],
      '{"name":"usage","aliases":[],"description":"what tools used through the gateway: requests, tokens and an estimated cost","options":[{"flags":["--since"],"description":"from this day (YYYY-MM-DD, local time; default: 30 days ago)","value":"text"},{"flags":["--by"],"description":"tool, key or model","value":"text"},{"flags":["--json"],"description":"print JSON"}],"operands":[],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'config',
      [],
      '{"name":"config","aliases":[],"description":"read and change settings (the window’s Settings)","options":[],"operands":[],"variadic":false,"commands":[{"name":"list","aliases":[],"description":"every setting: its value, whether it is the default, what it does","options":[{"flags":["--json"],"description":"print JSON"}],"operands":[],"variadic":false,"commands":[]},{"name":"get","aliases":[],"description":"print a setting’s value (a map as JSON; name.entry for one entry)","options":[],"operands":["setting"],"variadic":false,"commands":[]},{"name":"set","aliases":[],"description":"change a setting; a bad value changes nothing","options":[],"operands":["setting","setting-value"],"variadic":false,"commands":[]},{"name":"unset","aliases":[],"description":"put a setting back to its default (an entry: remove it)","options":[],"operands":["setting"],"variadic":false,"commands":[]},{"name":"help","aliases":[],"description":"display help for command","options":[],"noHelpOption":true,"operands":["text"],"variadic":false,"commands":[]}]}',
    ),
    lazyCommand(
      'workspaces',
      [],
      '{"name":"workspaces","aliases":[],"description":"the workspaces your keys belong to, with their names and key counts","options":[{"flags":["--json"],"description":"print JSON"}],"operands":[],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'workspace',
      [],
      '{"name":"workspace","aliases":[],"description":"name a workspace","options":[],"operands":[],"variadic":false,"commands":[{"name":"rename","aliases":[],"description":"give a workspace a name (as the console shows it, or your own)","options":[],"operands":["text","text"],"variadic":false,"commands":[]},{"name":"help","aliases":[],"description":"display help for command","options":[],"noHelpOption":true,"operands":["text"],"variadic":false,"commands":[]}]}',
    ),
    lazyCommand(
      'doctor',
      [],
      '{"name":"doctor","aliases":[],"description":"check the data file, its backups and the keychain; --fix repairs what it can (never deletes a key)","options":[{"flags":["--fix"],"description":"set a damaged data file aside and restore a backup, recover keys with no record, tighten permissions"},{"flags":["--json"],"description":"print JSON"}],"operands":[],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'completion',
      [],
      '{"name":"completion","aliases":[],"description":"print a script that completes msk\'s commands, options, key labels and regions in your shell","options":[],"operands":[["bash","zsh","fish","powershell"]],"variadic":false,"commands":[]}',
    ),
    lazyCommand(
      'backup',
      [],
      '{"name":"backup","aliases":[],"description":"encrypted backups of your keys (metadata and secrets) and workspaces","options":[],"operands":[],"variadic":false,"commands":[{"name":"create","aliases":[],"description":"write an encrypted backup to a new file (mode 0600); the passphrase is read from stdin when piped (first line), else from a hidden prompt, twice","options":[],"operands":["text"],"variadic":false,"commands":[]},{"name":"restore","aliases":[],"description":"put the keys of a backup into the keychain and the list; the passphrase is read from stdin when piped (first line), else from a hidden prompt","options":[{"flags":["--merge"],"description":"when keys are stored already: add only the keys not stored yet"}],"operands":["text"],"variadic":false,"commands":[]},{"name":"help","aliases":[],"description":"display help for command","options":[],"noHelpOption":true,"operands":["text"],"variadic":false,"commands":[]}]}',
    ),
    lazyCommand(
      'import',
      [],
      '{"name":"import","aliases":[],"description":"find Model Studio keys lying in shell start-up files, .env files and tool settings; store them in the keychain and, on request, take them out of the files","options":[{"flags":["--scan"],"description":"only search, and list what is found (changes nothing)"},{"flags":["--json"],"description":"with --scan: print {findings, notes} as JSON (masked keys only)"},{"flags":["--path"],"description":"search this file too, or the .env and .envrc files under this directory; repeatable","value":"text"},{"flags":["-a","--all"],"description":"store every key found"},{"flags":["-r","--region"],"description":"store the keys in this region (sg, us, cn, hk, jp, de or a region id)","value":"region"},{"flags":["--detect"],"description":"ask Model Studio each key\'s region and plan (the default without --region)"},{"flags":["--remove-from-file"],"description":"then take the stored keys out of their files: the change is shown, then asked; a 0600 backup is kept beside each file"},{"flags":["-y","--yes"],"description":"with --remove-from-file: do not ask (required when stdin is not a terminal)"},{"flags":["--allow-outside-home"],"description":"with --remove-from-file: also edit files reached through a symlink leading out of your home directory"}],"operands":["text"],"variadic":true,"commands":[]}',
    ),
    lazyCommand(
      'account',
      [],
      '{"name":"account","aliases":[],"description":"your Alibaba Cloud account: its workspaces, keys and spend (Model Studio\'s management API)","options":[],"operands":[],"variadic":false,"commands":[{"name":"connect","aliases":[],"description":"connect an account: an AccessKey pair (the secret from stdin or a hidden prompt, kept in the keychain), an aliyun CLI profile, or the standard credential chain","options":[{"flags":["-n","--name"],"description":"what to call it here (default: default)","value":"text"},{"flags":["--access-key-id"],"description":"an AccessKey ID (LTAI…); its secret is read from stdin or a hidden prompt","value":"text"},{"flags":["--profile"],"description":"the aliyun CLI\'s profile of this name (~/.aliyun/config.json), used where it is","value":"text"},{"flags":["--chain"],"description":"Alibaba Cloud\'s standard chain: ALIBABA_CLOUD_* variables, the CLI\'s profile, ~/.alibabacloud/credentials"},{"flags":["--site"],"description":"the account\'s site: china (aliyun.com) or international (alibabacloud.com); asked of Alibaba Cloud when left out","value":["china","international"]},{"flags":["--json"],"description":"print the account as JSON"}],"operands":[],"variadic":false,"commands":[]},{"name":"status","aliases":[],"description":"the connected accounts: site, credential, and which calls their permissions allow","options":[{"flags":["--json"],"description":"print JSON"}],"operands":["text"],"variadic":false,"commands":[]},{"name":"workspaces","aliases":[],"description":"every workspace of the account in every region: name, id, region, its own domain, keys there and here","options":[{"flags":["--json"],"description":"print JSON"}],"operands":["text"],"variadic":false,"commands":[]},{"name":"create-workspace","aliases":[],"description":"create a workspace in the account (in its site\'s home region unless --region says)","options":[{"flags":["--name"],"description":"its name (1 to 64 characters)","value":"text"},{"flags":["--region"],"description":"one of the account\'s site\'s regions","value":"region"},{"flags":["--account"],"description":"the account (needed when several are connected)","value":"text"},{"flags":["--json"],"description":"print the workspace as JSON"}],"operands":[],"variadic":false,"commands":[]},{"name":"delete-workspace","aliases":[],"description":"delete a workspace of the account (Alibaba Cloud refuses the default one, and one that still holds keys)","options":[{"flags":["--region"],"description":"look only in this region (a name several regions hold needs it)","value":"region"},{"flags":["--account"],"description":"the account (needed when several are connected)","value":"text"},{"flags":["-y","--yes"],"description":"do not ask for confirmation"},{"flags":["--json"],"description":"print the deleted workspace as JSON"}],"operands":["text"],"variadic":false,"commands":[]},{"name":"spend","aliases":[],"description":"a month\'s bill (total, tax, by model) and its trend, the balance where the permissions allow, beside the gateway\'s own counts","options":[{"flags":["--account"],"description":"one account (default: every one)","value":"text"},{"flags":["--month"],"description":"the month (default: this one)","value":"text"},{"flags":["--by"],"description":"a table by model, of the bill and of the gateway","value":["model"]},{"flags":["--json"],"description":"print JSON"}],"operands":[],"variadic":false,"commands":[]},{"name":"disconnect","aliases":[],"description":"forget an account here (its AccessKey secret leaves the keychain); nothing in Alibaba Cloud changes","options":[{"flags":["-y","--yes"],"description":"do not ask for confirmation"}],"operands":["text"],"variadic":false,"commands":[]},{"name":"keys","aliases":[],"description":"every key of the account, masked: its workspace, state, who made it when, and whether it is stored here (a stored key the account no longer has is flagged)","options":[{"flags":["--account"],"description":"one account (default: every one)","value":"text"},{"flags":["--workspace"],"description":"one workspace","value":"text"},{"flags":["--region"],"description":"the workspace\'s region, when its name is used in several","value":["cn-beijing","cn-hongkong","ap-southeast-1","us-east-1","eu-central-1"]},{"flags":["--json"],"description":"print JSON"}],"operands":[],"variadic":false,"commands":[]},{"name":"create-key","aliases":[],"description":"create a key in a workspace of the account; its value goes straight into the keychain (never shown) and it is checked at once","options":[{"flags":["--workspace"],"description":"the workspace (its id, name or llm-… domain label)","value":"text"},{"flags":["-l","--label"],"description":"what to call the key here","value":"text"},{"flags":["--models"],"description":"only these models (at most 100)","value":"text"},{"flags":["--ips"],"description":"only from these addresses or ranges (at most 100)","value":"text"},{"flags":["--description"],"description":"its description in the account (at most 256 characters)","value":"text"},{"flags":["--region"],"description":"the workspace\'s region, when its name is used in several","value":["cn-beijing","cn-hongkong","ap-southeast-1","us-east-1","eu-central-1"]},{"flags":["--account"],"description":"the account, when several are connected","value":"text"},{"flags":["--json"],"description":"print JSON"}],"operands":[],"variadic":false,"commands":[]},{"name":"rotate","aliases":[],"description":"reset a key in the account: the new value replaces the old one in the keychain under the same key here (bindings, tools and gateway tokens follow); a key not stored here is stored as a new one","options":[{"flags":["-l","--label"],"description":"for a key not stored here: what to call it (default account-key-<id>)","value":"text"},{"flags":["--account"],"description":"the account, when several are connected","value":"text"},{"flags":["-y","--yes"],"description":"do not ask for confirmation"},{"flags":["--json"],"description":"print JSON"}],"operands":["key"],"variadic":false,"commands":[]},{"name":"disable","aliases":[],"description":"disable a key in the account (it stops working until enabled)","options":[{"flags":["--account"],"description":"the account, when several are connected","value":"text"},{"flags":["-y","--yes"],"description":"do not ask for confirmation"},{"flags":["--json"],"description":"print JSON"}],"operands":["key"],"variadic":false,"commands":[]},{"name":"enable","aliases":[],"description":"enable a key in the account","options":[{"flags":["--account"],"description":"the account, when several are connected","value":"text"},{"flags":["-y","--yes"],"description":"do not ask for confirmation"},{"flags":["--json"],"description":"print JSON"}],"operands":["key"],"variadic":false,"commands":[]},{"name":"delete-key","aliases":[],"description":"delete a key in the account (for good); --forget removes the stored key here too","options":[{"flags":["--forget"],"description":"also remove the stored key here (and its keychain item)"},{"flags":["--account"],"description":"the account, when several are connected","value":"text"},{"flags":["-y","--yes"],"description":"do not ask for confirmation"},{"flags":["--json"],"description":"print JSON"}],"operands":["key"],"variadic":false,"commands":[]},{"name":"help","aliases":[],"description":"display help for command","options":[],"noHelpOption":true,"operands":["text"],"variadic":false,"commands":[]}]}',
    ),
    lazyCommand(
      'help',
      [],
      '{"name":"help","aliases":[],"description":"display help for command","options":[],"noHelpOption":true,"operands":["command"],"variadic":false,"commands":[]}',
    ),
  ],
};
