/** The one error every failure to obtain onnxruntime becomes (the CLI exits 2 on it). */

/** onnxruntime could not be had: the message names the URL or folder and the next step. */
export class RuntimeUnavailableError extends Error {
  override readonly name = 'RuntimeUnavailableError';
}

/** The message of any thrown value, without its stack. */
export function causeText(e: unknown): string {
  return e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
}
