// The tray's questions as native message boxes (it has no window of its own to ask in): a
// confirmation before a change, and the one value ever shown. The wording comes from the caller.
import { dialog } from 'electron';
import type { Confirmation, Question, ShownOnce } from './tray-actions.js';

/** The change's button first; Cancel is what Escape and the default answer. */
export async function confirmBox(question: Confirmation, cancel: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    message: question.message,
    detail: question.detail,
    buttons: [question.confirm, cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}

/** The choices' buttons, then Cancel, which Escape answers; the first choice is the default. */
export async function questionBox(question: Question, cancel: string): Promise<number | undefined> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    message: question.message,
    detail: question.detail,
    buttons: [...question.choices, cancel],
    defaultId: 0,
    cancelId: question.choices.length,
    noLink: true,
  });
  return response < question.choices.length ? response : undefined;
}

/** The value in the box's text, with Copy and Close; resolves true when Copy was chosen. */
export async function shownOnceBox(shown: ShownOnce, copy: string, close: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    message: shown.message,
    detail: `${shown.detail}\n\n${shown.value}`,
    buttons: [copy, close],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}
