import path from "node:path";
import { runAsync } from "./processes";

export const REPO = path.resolve(__dirname, "..", "..");
export const CREATE_STORE_BIN = path.join(REPO, "bin", "create-store.js");

/** `node bin/create-store.js <args>` in `cwd`, as the README says, in a clean environment. */
export const createStore = (cwd: string, args: string[], env: Record<string, string | undefined> = {}) =>
  runAsync(process.execPath, [CREATE_STORE_BIN, ...args], { cwd, env });
