/** docker/cli's StatusError: a message (may be empty) and the exit status to end with. */
export class StatusError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

/** An error printed as-is with exit status 1 (Go's errors.New in a command's RunE). */
export class CliError extends StatusError {
  constructor(message: string) {
    super(message, 1);
  }
}
