// vitest runs the fast tests (npm test). The extension-host suite in test/vscode runs inside
// VS Code (npm run test:vscode) or code-server (npm run test:editors), and out/ holds its build.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, 'test/vscode/**', 'out/**'],
    // npm run coverage: the sources of the server, the CLI and the core, as the tests in this process run them
    // (the protocol and CLI tests run the bundle in a child process, which v8 coverage does not see).
    coverage: {
      provider: 'v8',
      include: ['server/src/**/*.ts', 'client/src/**/*.ts'],
      reporter: ['text-summary', 'text'],
      reportsDirectory: 'out/coverage',
    },
  },
});
