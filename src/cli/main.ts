// The command line: argv → command → exit code (0 ok, 1 invalid data or failed work, 2 usage).
// Only this layer prints. A command's module (and the libraries it needs) is loaded only when
// that command runs, so `keikaku --version` loads nothing but this file.
import { EXIT, UsageError, type Command, type Io } from './command.ts';
import { USAGE } from './usage.ts';

export type { Io } from './command.ts';

const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  build: async () => (await import('./build-command.ts')).run,
  diff: async () => (await import('./diff-command.ts')).run,
  generate: async () => (await import('./generate-command.ts')).run,
  init: async () => (await import('./init-command.ts')).run,
  preview: async () => (await import('./preview-command.ts')).run,
  roll: async () => (await import('./roll-command.ts')).run,
  validate: async () => (await import('./validate-command.ts')).run,
  schema: async () => (await import('./schema-command.ts')).run,
  sheets: async () => (await import('./sheets-command.ts')).run,
};

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  ...(process.stderr.isTTY && !underCi(process.env) ? { terminal: { columns: process.stderr.columns || 80 } } : {}),
};

/** CI=true (GitHub Actions, GitLab and most others set it): logs, not a person watching. */
function underCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(`${USAGE}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    io.stdout(`${await version()}\n`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(
      `keikaku: 不明なコマンド「${name}」です（使えるコマンド: ${Object.keys(COMMANDS).join(', ')}）\n\n${USAGE}\n`,
    );
    return EXIT.usage;
  }
  // `keikaku build --help`: the help the usage promises for every command, not an unknown option.
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`keikaku ${name}: ${error.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    // A file operation that failed (permission, disk, a vanished folder): its path and cause.
    const { systemErrorMessage } = await import('../io/file-errors.ts');
    const message = systemErrorMessage(error, io.cwd);
    if (message !== undefined) {
      io.stderr(`keikaku ${name}: ${message}\n`);
      return EXIT.failed;
    }
    throw error; // a bug: let Node print it
  }
}

async function version(): Promise<string> {
  const [path, { ownRoot, readAnyFile }] = await Promise.all([import('node:path'), import('../io/own-files.ts')]);
  const pkg = JSON.parse((await readAnyFile(path.join(ownRoot(), 'package.json'))).toString('utf8')) as {
    version: string;
  };
  return pkg.version;
}
