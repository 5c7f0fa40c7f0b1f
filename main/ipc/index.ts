// What the Electron shell and main/index.ts use of the IPC layer: the app's context, the router
// and the server that answer the window, the helpers main wires into it, and how an error is
// told to the window or the tray. Everything else in main/ipc is its own business.
export type { AppContext } from './context.js';
export { followChecks } from './follow-checks.js';
export { toolList } from './handlers/tools.js';
export { HeldScan } from './held-scan.js';
export { PendingKeys } from './pending-keys.js';
export { createRouter } from './router.js';
export { errorOf } from './error-of.js';
export { isOwnPage, type PageLocation } from './sender-check.js';
export { createIpcServer, type IpcSender, type IpcServer } from './server.js';
