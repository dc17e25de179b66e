/**
 * Errors a generator throws on purpose. They carry a stable code; the CLI turns
 * them into one line and a non-zero exit (generators never exit the process).
 */
export class GeneratorError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The arguments are wrong (a bad name, field, cron expression…): nothing was planned. */
export class GeneratorInputError extends GeneratorError {}

/** A file could not be edited as planned; `manual` says what to do by hand. */
export class EditError extends GeneratorError {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super("KIOSK_EDIT_FAILED", `${file}: ${message}`);
  }
}

/** Undoing an edit would lose a change the user made after the generator ran. */
export class EditConflict extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "EditConflict";
  }
}
