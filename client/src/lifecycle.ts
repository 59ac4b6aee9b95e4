// What both entries (extension.ts on the desktop, browserExtension.ts in the browser) do
// around their client: tell the server when the user trusts the workspace, and stop the
// client when the extension is deactivated.
import { workspace, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { WORKSPACE_TRUSTED_NOTIFICATION } from '../../server/src/protocol';

let running: BaseLanguageClient | undefined;

/** Keeps the started client for `stopClient`, and passes workspace trust on to its server. */
export function adoptClient(context: ExtensionContext, client: BaseLanguageClient): void {
  running = client;
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => {
      void running?.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION, { trusted: true });
    }),
  );
}

export async function stopClient(): Promise<void> {
  const client = running;
  running = undefined;
  if (client !== undefined) await client.stop();
}
