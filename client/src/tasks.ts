// The "referat" task type: `referat lint --format text` over the workspace folder (or
// the paths the task names), read into the Problems panel by the $referat problem
// matcher. The CLI ships in the extension (dist/cli.js) and runs on VS Code's Node.
import * as path from 'path';
import { ProcessExecution, Task, TaskScope, tasks, workspace, type ExtensionContext, type TaskDefinition, type WorkspaceFolder } from 'vscode';

export const TASK_TYPE = 'referat';

interface ReferatTaskDefinition extends TaskDefinition {
  paths?: string[];
  fix?: boolean;
}

export function registerTasks(context: ExtensionContext): void {
  const cli = context.asAbsolutePath(path.join('dist', 'cli.js'));
  const build = (definition: ReferatTaskDefinition, scope: WorkspaceFolder | TaskScope, name: string): Task => {
    const paths = definition.paths !== undefined && definition.paths.length > 0 ? definition.paths : ['.'];
    const args = [cli, 'lint', '--format', 'text', ...(definition.fix === true ? ['--fix'] : []), ...paths];
    const cwd = typeof scope === 'object' ? scope.uri.fsPath : workspace.workspaceFolders?.[0]?.uri.fsPath;
    // In VS Code, process.execPath is the editor itself; ELECTRON_RUN_AS_NODE makes it plain Node.
    const execution = new ProcessExecution(process.execPath, args, { ...(cwd !== undefined ? { cwd } : {}), env: { ELECTRON_RUN_AS_NODE: '1' } });
    return new Task(definition, scope, name, 'referat', execution, ['$referat']);
  };
  context.subscriptions.push(
    tasks.registerTaskProvider(TASK_TYPE, {
      provideTasks: () => (workspace.workspaceFolders ?? []).map((folder) => build({ type: TASK_TYPE }, folder, 'lint')),
      resolveTask: (task) =>
        task.definition.type === TASK_TYPE ? build(task.definition as ReferatTaskDefinition, task.scope ?? TaskScope.Workspace, task.name) : undefined,
    }),
  );
}
