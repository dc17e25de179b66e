/**
 * `kiosk/internal`: small helpers the core modules share with each other.
 *
 * **Not a public API.** They are exported only because the core modules are
 * loaded exactly like a project (they import the framework by its package
 * name, never by a path into it). A project should not import them: any of
 * them may change or disappear in any release.
 *
 * - `compareText` / `byCreation`: locale-free sort orders (code units; oldest
 *   first then by id), so rows assembled in JavaScript come out in the order
 *   the API has always shown them.
 * - `groupBy`: rows by a key, as a Map.
 * - `withTimeout`: a promise that rejects after a delay (calls to providers).
 * - `WeightedSemaphore`: bounds concurrent work by weight.
 * - `parseCsv` / `stringifyCsv`: csv-parse's and csv-stringify's synchronous APIs (batch jobs).
 */
export { compareText, byCreation } from "./kernel/compare";
export { groupBy } from "./kernel/group-by";
export { withTimeout } from "./kernel/with-timeout";
export { WeightedSemaphore } from "./kernel/concurrency/weighted-semaphore";
export { parse as parseCsv } from "csv-parse/sync";
export { stringify as stringifyCsv } from "csv-stringify/sync";
export { adminEntities, type AdminEntity } from "./kernel/http/admin-entities";
