// The one error type the expression language throws: a message a reader can act on, and where to point.

export class ExpressionError extends Error {
  override readonly name = "ExpressionError";
  /**
   * @param column 1-based position (in characters) of the offending text; one past the end for "unexpected end".
   * @param length how many characters to underline (0 for a position between characters).
   */
  constructor(
    message: string,
    readonly column: number,
    readonly length: number,
  ) {
    super(message);
  }
}
