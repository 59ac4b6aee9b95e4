// The names the client and the server share beyond LSP itself: the commands the server
// carries out (workspace/executeCommand), the client's own commands, and Referat's own
// notifications. Imported by both sides, so that a name is spelled once. No imports.

/** Commands the server carries out; the client's commands call them. */
export const SERVER_COMMANDS = {
  /** Arguments: [uri]. Regenerates the Indholdsfortegnelse from the punkter. */
  updateToc: 'referat.server.updateToc',
  /** No arguments. Lints every referat file in the workspace and publishes the findings. */
  lintWorkspace: 'referat.server.lintWorkspace',
  /** Arguments: ['referat' | 'dagsorden']. The snippet of a new document. */
  skeleton: 'referat.server.skeleton',
  /** Arguments: [text] (the head of a plaintext or Markdown document). Whether it is minutes: SniffResult. */
  sniff: 'referat.server.sniff',
} as const;

export type ServerCommand = (typeof SERVER_COMMANDS)[keyof typeof SERVER_COMMANDS];

/** The VS Code commands (package.json contributes.commands). */
export const CLIENT_COMMANDS = {
  updateToc: 'referat.updateToc',
  newReferat: 'referat.newReferat',
  lintWorkspace: 'referat.lintWorkspace',
  useForFile: 'referat.useForFile',
} as const;

/** Client → server: the user has just trusted the workspace (VS Code's onDidGrantWorkspaceTrust). */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'referat/workspaceTrusted';

/** Files checked and findings by severity. */
export interface LintTally {
  files: number;
  /** Files that could not be read (too large, binary, gone). */
  skipped: number;
  error: number;
  warning: number;
  information: number;
  hint: number;
}

/** The answer to SERVER_COMMANDS.lintWorkspace. */
export interface LintWorkspaceResult extends LintTally {
  message: string;
}

/** The answer to SERVER_COMMANDS.updateToc. */
export interface UpdateTocResult {
  changed: boolean;
  message?: string;
}

/** The answer to SERVER_COMMANDS.sniff. */
export interface SniffResult {
  minutes: boolean;
}
