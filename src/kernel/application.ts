import { asClass, type AwilixContainer } from "awilix";
import type { Router } from "express";
import { createKernelContainer } from "./container/create-container";
import type { KioskContainer } from "./container/kiosk-services";
import type { Subscription } from "./events/event-bus";
import { buildFileRouter } from "./http/file-router";
import { loadMiddlewares, loadRoutes, type RouteDefinition } from "./loaders/load-routes";
import { loadServices } from "./loaders/load-services";
import { loadSubscribers } from "./loaders/load-subscribers";
import type { ResourceRoot } from "./loaders/resource-root";

/**
 * One generation of the reloadable part of a running project: a container
 * with the services, the subscriptions and the router. The kernel swaps a whole
 * generation at once, so a request sees either the old version or the new one.
 */
export interface Application {
  container: AwilixContainer;
  router: Router;
  /** The route files behind the router, most specific first. */
  routes: RouteDefinition[];
  subscriptions: Subscription[];
}

/** Loads services, subscribers, middlewares and routes from every root into a new generation. */
export function loadApplication(
  roots: ResourceRoot[],
  exts: string[],
  infrastructure: Record<string, unknown>,
): Application {
  const container = createKernelContainer(infrastructure);
  for (const { key, service, root } of loadServices(roots, exts)) {
    const options = root.options ?? {};
    container.register(key, asClass(service).singleton().inject(() => ({ options })));
  }
  const subscriptions: Subscription[] = loadSubscribers(roots, exts).flatMap(({ subscriberId, events, handler, retry }) =>
    events.map((event) => ({
      event,
      subscriberId,
      ...retry,
      handle: async (message) => {
        await handler({ data: message.data, eventName: message.name, eventId: message.id, container: container as KioskContainer });
      },
    })),
  );
  const routes = loadRoutes(roots, exts);
  const router = buildFileRouter(routes, loadMiddlewares(roots, exts));
  return { container, router, routes, subscriptions };
}
