/**
 * Every event name and its payload, declared once. The kernel declares none of
 * its own; the core modules' events are added by declaration merging in
 * `src/events.ts` (the kernel never imports a module), and a plugin or a
 * project adds its own the same way, through `"kiosk"`:
 *
 * ```ts
 * declare module "kiosk" {
 *   interface KioskEvents {
 *     "wishlist.shared": { id: string; email: string };
 *   }
 * }
 * ```
 *
 * `tx.emit(name, data)` and `defineSubscriber(name, handler)` are checked
 * against it: an undeclared name or a wrong payload is a type error. A payload
 * travels as JSON (through the outbox, and Redis), so a subscriber may receive
 * a `Date` as its ISO string.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface KioskEvents {}

/** A declared event's name. */
export type KioskEventName = keyof KioskEvents & string;
