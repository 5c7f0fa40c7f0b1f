// The clipboard as the use cases need it: copy a value, clearing it later if unchanged. The app
// adapts Electron's clipboard (through ClipboardGuard), the CLI the system's commands.

export interface CopyOptions {
  /** 0 = never clear. */
  clearAfterSeconds: number;
  /** Ask clipboard managers and history not to keep it, where the platform allows. */
  conceal: boolean;
}

export interface KeyClipboard {
  copy(value: string, options: CopyOptions): Promise<void>;
}
