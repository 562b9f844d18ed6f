import { findHostCommand, type HostCommandId } from '../../../src-shared/host/commands';
import type { EditorAction } from './types';

/**
 * An action the desktop menu offers: its label and accelerator are the host contract's
 * (src-shared/host/commands.ts), so the menu and the keys cannot drift apart.
 */
export function fromMenu(
  id: HostCommandId,
  rest: Pick<EditorAction, 'group' | 'perform' | 'enabled'> & { extraKeys?: readonly string[]; clipboard?: boolean },
): EditorAction {
  const command = findHostCommand(id);
  if (!command) throw new Error(`Unknown host command ${id}`);
  return {
    id,
    label: command.label.replace(/…$/, ''),
    group: rest.group,
    accelerators: [...(command.accelerator ? [command.accelerator] : []), ...(rest.extraKeys ?? [])],
    inMenu: true,
    clipboard: rest.clipboard,
    perform: rest.perform,
    enabled: rest.enabled,
  };
}
