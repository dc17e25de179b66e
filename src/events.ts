import type { CoreEvents } from "./core-events";

/**
 * The core modules' events, added to the kernel's `KioskEvents` by
 * declaration merging, so that `tx.emit` and `defineSubscriber` check them
 * without the kernel importing a module. The names and payloads themselves are
 * in `core-events.ts`, with the runtime list the generators read.
 */
declare module "./kernel/events/kiosk-events" {
  interface KioskEvents extends CoreEvents {}
}

export type { KioskEvents, KioskEventName } from "./kernel/events/kiosk-events";
export { CORE_EVENT_NAMES, type CoreEvents } from "./core-events";
