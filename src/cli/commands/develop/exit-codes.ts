/** Exit code a develop worker uses to ask its supervisor for a full restart. */
export const RESTART = 75;

/**
 * Exit code of a worker that cannot start for a reason no saved file fixes (the
 * port is taken, the database does not answer): the supervisor stops too,
 * non-zero, instead of waiting for a save. The worker has printed the one line.
 */
export const FATAL = 78;

/** Set in the worker's environment by the supervisor. */
export const WORKER_FLAG = "KIOSK_DEVELOP_WORKER";
