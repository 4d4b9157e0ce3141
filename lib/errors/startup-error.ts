/**
 * A reason the dashboard cannot start (the embedded database will not run, the configured one cannot be reached),
 * in sentences for the person starting it: the supervisor prints the message as it is, without a stack. `name`
 * says which part failed, in the log line.
 */
export class StartupError extends Error {
  constructor(name: 'EmbeddedPostgresError' | 'DatabaseUnreachableError', message: string) {
    super(message);
    this.name = name;
  }
}
