// Shell completion scripts for a command whose hidden helper (`<command> __complete <words…>`)
// prints what may follow the words, one `value<TAB>description` a line. Each script only hands
// the helper the words before the cursor and gives its lines to the shell: the commands, options
// and values are the helper's to know, so the four scripts never drift from the program.

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

export interface CompletionScriptOptions {
  /** The command completed, as typed (`msk`): a plain word. */
  command: string;
  /** Its hidden helper's name (`__complete`). */
  helper: string;
  /** A line that says who wrote the file (an installed copy's mark), as the script's second line. */
  mark?: string;
}

/** The completion script of `shell` for `options.command`. */
export function completionScript(shell: CompletionShell, options: CompletionScriptOptions): string {
  if (!/^[a-z][a-z0-9-]*$/.test(options.command) || !/^[a-z_][a-z0-9_-]*$/.test(options.helper))
    throw new Error(`Not a plain command name: ${options.command} ${options.helper}`);
  const lines = SCRIPTS[shell](options.command, options.helper, functionName(options.command));
  const mark = options.mark === undefined ? [] : [`# ${options.mark}`];
  // zsh's autoloader wants `#compdef` on the first line.
  return [...lines.slice(0, 1), ...mark, ...lines.slice(1), ''].join('\n');
}

const functionName = (command: string): string => `_${command.replaceAll('-', '_')}_completion`;

const SCRIPTS: Record<CompletionShell, (command: string, helper: string, fn: string) => string[]> = {
  bash: (command, helper, fn) => [
    `# ${command} completion for bash: source it, or put it in bash-completion's completions folder.`,
    `${fn}() {`,
    '  local line value',
    '  COMPREPLY=()',
    // Each value quoted as the shell reads it back (a label may hold a space); the description goes.
    `  while IFS= read -r line; do`,
    `    value=\${line%%$'\\t'*}`,
    '    [[ -n $value ]] && printf -v value %q "$value" && COMPREPLY+=("$value")',
    `  done < <(command ${command} ${helper} "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)`,
    '}',
    `complete -F ${fn} ${command}`,
  ],
  zsh: (command, helper, fn) => [
    `#compdef ${command}`,
    `# ${command} completion for zsh: a file named _${command} in a folder of $fpath, or sourced after compinit.`,
    `${fn}() {`,
    '  local line',
    '  local -a values displays',
    // Words unquoted as typed, the current one included; the helper filters by its prefix.
    `  for line in "\${(@f)$(command ${command} ${helper} "\${(@Q)words[2,CURRENT]}" 2>/dev/null)}"; do`,
    '    [[ -z $line ]] && continue',
    '    values+=("${line%%$\'\\t\'*}")',
    "    if [[ $line == *$'\\t'* ]]; then displays+=(\"${line%%$'\\t'*}  -- ${line#*$'\\t'}\"); else displays+=(\"$line\"); fi",
    '  done',
    '  (( ${#values} )) || return 1',
    '  compadd -l -d displays -- "${values[@]}"',
    '}',
    `if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then`,
    `  ${fn} "$@"`,
    'else',
    `  (( \${+functions[compdef]} )) && compdef ${fn} ${command}`,
    'fi',
  ],
  fish: (command, helper, fn) => [
    `# ${command} completion for fish: put it in ~/.config/fish/completions/${command}.fish, or source it.`,
    `function ${fn}`,
    '    set -l words (commandline -opc) (commandline -ct)',
    `    command ${command} ${helper} $words[2..-1] 2>/dev/null`,
    'end',
    `complete -c ${command} -e`,
    `complete -c ${command} -f -a '(${fn})'`,
  ],
  powershell: (command, helper) => [
    `# ${command} completion for PowerShell: in $PROFILE, ${command} completion powershell | Out-String | Invoke-Expression`,
    `Register-ArgumentCompleter -Native -CommandName ${command}, ${command}.cmd -ScriptBlock {`,
    '    param($wordToComplete, $commandAst, $cursorPosition)',
    '    $words = @($commandAst.CommandElements | Where-Object { $_.Extent.StartOffset -lt $cursorPosition } | ForEach-Object { $_.ToString() })',
    '    $words = @($words | Select-Object -Skip 1)',
    "    if ($wordToComplete -eq '') { $words += '' }",
    // Before 7.3, PowerShell drops an empty argument to a native command: '""' passes one.
    "    if ($PSVersionTable.PSVersion -lt [version]'7.3') { $words = @($words | ForEach-Object { if ($_ -eq '') { '\"\"' } else { $_ } }) }",
    `    & ${command} ${helper} @words 2>$null | ForEach-Object {`,
    '        $value, $description = $_ -split "`t", 2',
    '        if (-not $description) { $description = $value }',
    "        [System.Management.Automation.CompletionResult]::new($value, $value, 'ParameterValue', $description)",
    '    }',
    '}',
  ],
};
