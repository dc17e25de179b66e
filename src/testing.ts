/**
 * `kiosk/testing`: what a project's tests import. `startTestServer` boots the
 * project in-process (its TypeScript source, the test env, a free port) after
 * running its migrations, and answers requests against it.
 */
export { startTestServer, type TestServer } from "./kernel/testing";
