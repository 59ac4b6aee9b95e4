// The package version, bundled into the server and the CLI from package.json.
import { version } from '../../package.json';

export const VERSION: string = version;
