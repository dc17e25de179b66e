import { asValue, createContainer, InjectionMode, type AwilixContainer } from "awilix";

/**
 * A fresh container holding the kernel's long-lived infrastructure (config,
 * logger, dataSource, eventBus, unitOfWork…) as values. Services are added by
 * the application loader. `kiosk develop` builds a new one per reload, so a
 * changed service never shares a cache with its old version.
 */
export function createKernelContainer(infrastructure: Record<string, unknown>): AwilixContainer {
  const container = createContainer({ injectionMode: InjectionMode.PROXY, strict: true });
  for (const [key, value] of Object.entries(infrastructure)) container.register(key, asValue(value));
  return container;
}
