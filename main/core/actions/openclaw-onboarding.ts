// OpenClaw's onboarding as the app runs it: no terminal, so `openclaw onboard` is a captured child
// on the launcher's login PATH with the key's variables (the key reaches it in a variable only),
// ended by a cancel; a failure is told by its last line, keys masked.
import { MskError } from '../base/errors.js';
import { redactKeys } from '../model-studio/key-format.js';
import { lastLine, runCaptured } from '../platform/captured-child.js';
import type { Services } from '../keys/services.js';
import { type LaunchPorts, launchEnvironment, requireInstalled } from '../tools/terminal-launcher.js';
import { requireTool } from '../tools/tool-presets.js';
import type { Onboarding } from './openclaw-setup.js';
import { keyEnvironment } from './use-key.js';

/** How long a line of OpenClaw's may be in a message. */
const SHOWN_OUTPUT = 300;

export function onboardInChild(
  services: Services,
  ports: Pick<LaunchPorts, 'searchPath' | 'platform' | 'env'>,
): Onboarding {
  return async (setup, signal) => {
    const tool = requireTool('openclaw');
    // Before the keychain is asked: a tool that is not there needs no key.
    const program = requireInstalled(tool, tool.command?.[0] ?? 'openclaw', ports);
    const { variables, recorded } = await keyEnvironment(services, {
      reference: setup.record.id,
      tool: tool.id,
    });
    const run = await runCaptured(program, setup.onboard, {
      env: launchEnvironment(ports, variables),
      signal,
      platform: ports.platform,
    });
    await recorded;
    if (run.code === 0) return;
    const secret = variables[setup.keyVariable];
    const output = redactKeys(lastLine(run.output), secret ? [secret] : []).slice(0, SHOWN_OUTPUT);
    const status = run.code ?? run.signal ?? 'unknown';
    throw new MskError(
      'launch-failed',
      `OpenClaw's onboarding failed (exit ${status})${output ? `: ${output}` : ''}; nothing was changed in its config.`,
      { reason: 'onboarding-failed', tool: tool.id, status, output },
    );
  };
}
