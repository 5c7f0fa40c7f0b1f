// Hints the window shows until the user dismisses them for good (config.json's dismissedHints).
export const HINTS = ['tray-host'] as const;
export type Hint = (typeof HINTS)[number];
