// msk's exit statuses, as a shell's own: what scripts test for. `msk --help` and the README list them.
export const EXIT = {
  /** The command failed: it says why in one `msk: …` line. */
  failure: 1,
  /** The command line could not be read: an unknown command or option, a missing argument. */
  usage: 2,
  /** `msk exec`: the command is not executable. */
  notExecutable: 126,
  /** `msk exec`: the command was not found. */
  notFound: 127,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

/** The list `msk --help` ends with. */
export const EXIT_HELP = `Exit status: 0 success, ${EXIT.failure} failure, ${EXIT.usage} usage error (unknown command or option, missing argument), ${EXIT.notExecutable}/${EXIT.notFound} msk exec's command not executable/not found (otherwise the command's own), ${EXIT.interrupted} interrupted.`;
