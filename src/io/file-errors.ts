// A failed file operation (Node's system errors: no permission, a full disk, a path too long…)
// as the Japanese cause a user can act on. Anything else is a bug and is left to crash loudly.
import { displayPath } from './paths.ts';

/** Node's system error: a code such as EACCES and usually the path it failed on. */
interface SystemError {
  readonly code: string;
  readonly path?: string;
  readonly syscall?: string;
}

function isSystemError(error: unknown): error is SystemError {
  if (!(error instanceof Error)) return false;
  const { code, syscall } = error as Partial<SystemError>;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof syscall === 'string';
}

/** Why a file could not be read. */
export function readErrorCause(error: unknown): string {
  const code = (error as Partial<SystemError> | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'ファイルがありません';
    case 'EACCES':
    case 'EPERM':
      return 'ファイルを読む権限がありません';
    case 'EISDIR':
      return 'ファイルではなくフォルダです';
    default:
      return `ファイルを読めません（${code ?? String(error)}）`;
  }
}

/** Why a file or folder could not be written, in words a town-hall user can act on. */
export function writeErrorCause(error: unknown): string {
  const code = (error as Partial<SystemError> | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return '書き込む権限がありません（読み取り専用のフォルダや、ほかのプログラムが開いているファイルではありませんか）';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'ディスクの空きがありません。空きを作ってからもう一度実行してください';
    case 'ENOTDIR':
    case 'EEXIST':
      return '出力先のフォルダがあるべき場所に、同じ名前のファイルがあります';
    case 'EISDIR':
      return '書き出すファイルと同じ名前のフォルダがあります';
    case 'ENAMETOOLONG':
      return '出力先のパスが長すぎます。短いフォルダ名を --out に指定してください';
    case 'ENOENT':
      return 'ファイルかフォルダが見つかりません（途中で消されたか、名前が違います）';
    case 'ELOOP':
      return '記号リンクが循環しています';
    case 'EMFILE':
    case 'ENFILE':
      return '開いているファイルが多すぎます。ほかのプログラムを閉じてからもう一度実行してください';
    case 'EBUSY':
      return 'ファイルがほかのプログラムに使われています（Word や Excel で開いていませんか）';
    case 'EIO':
      return 'ディスクの読み書きに失敗しました（USBメモリやネットワークドライブが外れていませんか）';
    default:
      return `ファイルの読み書きに失敗しました（${code ?? String(error)}）`;
  }
}

/**
 * System calls that only read: a failure there is worded as a failed read. Not `open`, which
 * writing a file goes through too (a read-only folder must not be reported as unreadable).
 */
const READS = new Set(['read', 'stat', 'lstat', 'scandir', 'readlink', 'realpath']);

/**
 * A system error as one line naming the path and the cause; undefined for any other error
 * (a bug, which the caller lets Node print with its stack).
 */
export function systemErrorMessage(error: unknown, cwd: string): string | undefined {
  if (!isSystemError(error)) return undefined;
  const where = error.path !== undefined ? `${displayPath(error.path, cwd)}: ` : '';
  return `${where}${READS.has(error.syscall ?? '') ? readErrorCause(error) : writeErrorCause(error)}`;
}
