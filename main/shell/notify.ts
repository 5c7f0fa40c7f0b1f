// Desktop notifications: the one way the tray answers a click. Never carries a secret.
import { Notification } from 'electron';

export function notify(title: string, body: string): void {
  if (!Notification.isSupported()) return;
  new Notification({ title, body, silent: true }).show();
}
