// vitest runs the fast tests (npm test). The extension-host suite in test/vscode runs inside
// VS Code (npm run test:vscode) or code-server (npm run test:editors), and out/ holds its build.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: { exclude: [...configDefaults.exclude, 'test/vscode/**', 'out/**'] },
});
